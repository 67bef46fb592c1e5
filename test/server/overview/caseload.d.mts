export const DEFAULT_TODAY: string;
export const ORGANISATIONS: Array<{ id: string; name: string; sector: string }>;
export const RULES: Record<string, (i: number) => boolean>;
export function monthsSinceMeeting(i: number): number;
export function addMonths(date: string, months: number): string;
export function generateCaseload(options: { people: number; seed?: number; today?: string }): {
  records: Array<{ team: { id: string; serviceUserId: string; members: Array<{ id: string; name: string; status: string; organisationId?: string }> }; lead: string }>;
  coordinators: Array<{ id: string; name: string; organisationId: string }>;
  planted: Record<string, Array<{ teamId: string; organisationId: string; sector: string }>>;
  today: string;
};
