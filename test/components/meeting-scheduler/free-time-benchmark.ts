/**
 * Benchmark: free times for 20 participants over 4 weeks of busy times. Not a test: the bench
 * script calls `benchFreeTime()` and prints the median. No timing is asserted anywhere.
 */
import { findFreeSlots, type AvailabilityLike } from '../../../src/components/meeting-scheduler/free-time.js';

const OSLO = 'Europe/Oslo';
const DAY = 86_400_000;

/** A small deterministic random generator, so every run measures the same data. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

/** 20 people, 4 weeks, 2–6 busy blocks per working day, some overlapping; half with working hours. */
export const benchAvailability = (people = 20, weeks = 4, from = Date.parse('2027-03-01T00:00:00+01:00')): AvailabilityLike[] => {
  const random = seeded(20_261_208);
  return Array.from({ length: people }, (_, person) => {
    const busy: { start: string; end: string }[] = [];
    for (let day = 0; day < weeks * 7; day++) {
      const blocks = 2 + Math.floor(random() * 5);
      for (let b = 0; b < blocks; b++) {
        const startMinutes = 7 * 60 + Math.floor(random() * 44) * 15;
        const length = (1 + Math.floor(random() * 8)) * 15;
        const start = from + day * DAY + startMinutes * 60_000;
        busy.push({ start: new Date(start).toISOString(), end: new Date(start + length * 60_000).toISOString() });
      }
    }
    return {
      memberId: `p-${person}`,
      busy,
      workingHours: person % 2 === 0 ? [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '16:00', timeZone: OSLO }] : undefined,
    };
  });
};

/** Runs the search `runs` times (after one warm-up) and returns the median in milliseconds. */
export const benchFreeTime = async (options: { runs?: number } = {}): Promise<number> => {
  const runs = options.runs ?? 15;
  const from = Date.parse('2027-03-01T00:00:00+01:00');
  const availability = benchAvailability(20, 4, from);
  const ids = availability.map((a) => a.memberId);
  const query = {
    availability,
    requiredIds: ids.slice(0, 6),
    optionalIds: ids.slice(6),
    from,
    to: from + 28 * DAY,
    durationMinutes: 30,
    timeZone: OSLO,
  };
  findFreeSlots(query);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    findFreeSlots(query);
    times.push(performance.now() - started);
    await Promise.resolve();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
};
