import { CareRecord } from '../../contract/record.js';
import type { CareTeam } from '../../contract/team.js';
import { check } from '../../contract/validate.js';
import { SECTORS, type Sector } from '../../contract/values.js';
import { isTimeZone } from '../../contract/common.js';
import { ConsentDirective } from '../../contract/consent.js';
import { Meeting } from '../../contract/meeting.js';
import { Responsibility } from '../../contract/responsibility.js';
import { CrisisPlan } from '../../contract/crisis-plan.js';
import { MeetingOutcome } from '../../contract/meeting-outcome.js';
import { ENTITY_NAMES, ENTITY_SCHEMAS, StoreContractError, wait } from '../entities.js';
import { errorKindForStatus } from '../http-source.js';
import { PartlySavedError, StoreError, type CareDataSource, type Change, type ChangeKind, type EntityByKind, type LeftOut } from '../types.js';
import { capabilitiesFrom, NOTHING_OFFERED, type ServerCapabilities } from './capabilities.js';
import { consentFromFhir, consentToFhir } from './consent.js';
import { crisisPlanFromFhir, crisisPlanToFhir, isCrisisCarePlan } from './crisis-plan.js';
import type { FhirMappingOptions } from './context.js';
import { availabilityFromFhir, hasTime, meetingFromFhir, meetingToFhir } from './meeting.js';
import { isMeetingOutcome, meetingOutcomeFromFhir, meetingOutcomeToFhir, outcomeMessagePlaces, outcomeMessagesToFhir, type Composition } from './meeting-outcome.js';
import { FhirResourceProblem, formatNote, type FhirNote } from './notes.js';
import { ResourceIndex } from './references.js';
import { contentVersionProblem, unsupportedVersion, versionFromMetadata } from './version.js';
import {
  isCarePlanActivity,
  responsibilitiesFromCarePlan,
  responsibilityFromTask,
  responsibilityToCarePlan,
  responsibilityToTask,
} from './responsibility.js';
import { careTeamFromFhir, careTeamToFhir } from './team.js';
import { resourceProblemInFhir, teamProblemsInFhir } from './team-problems.js';
import type * as F from './types.js';
import { jsonEqual } from './util.js';

export interface FhirSourceOptions {
  /** The FHIR base URL, for example `https://hospital.example/fhir/R4`. */
  baseUrl: string;
  /** The FHIR release the server speaks (`R4` or `R5`). Left out, the server's `metadata` tells it; STU3 and others are refused. */
  version?: F.FhirVersion;
  /** The service user's Patient id (`123` or `Patient/123`). */
  patient: string;
  /** The CareTeam id to load. Without it (and without a team id given to `load`), the patient's active CareTeam is used. */
  careTeam?: string;
  /** A fetch implementation to use instead of the global one. */
  fetch?: typeof fetch;
  /** Headers for every request (for example `Authorization`), or a function giving them per request. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** Whether cookies are sent: `same-origin` (default), `include` or `omit`. */
  credentials?: RequestCredentials;
  /** How long one request may take before it fails with `timeout`. Default 15000. */
  timeoutMs?: number;
  /** How many times a failed read is tried again (network failures, 429 and 5xx). Writes are never repeated. Default 2. */
  retries?: number;
  /** Most Bundle pages followed per search. Default 50. */
  maxPages?: number;
  /** IANA time zone for appointments that name none and other times written without an offset (and the country of telephone numbers written without one). Default `Europe/Oslo`. */
  timeZone?: string;
  /** Sector for organisations whose type has no known code. Default `specialist`. */
  defaultSector?: Sector;
  /** Organisation type codes → sector (`system|code` or a bare code), read before the defaults. */
  sectorMapping?: Readonly<Record<string, Sector>>;
}

/** Why the time zone and sector settings cannot be used, or `undefined` when they can. */
export const settingsProblem = (options: Pick<FhirSourceOptions, 'timeZone' | 'defaultSector' | 'sectorMapping'>): string | undefined => {
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) return `"${String(options.timeZone)}" is not an IANA time zone (for example Europe/Oslo)`;
  const isSector = (value: unknown) => (SECTORS as readonly unknown[]).includes(value);
  if (options.defaultSector !== undefined && !isSector(options.defaultSector)) return `the default sector "${String(options.defaultSector)}" is not one of ${SECTORS.join(', ')}`;
  const mapping = options.sectorMapping;
  if (mapping === undefined) return undefined;
  if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping)) return 'the sector mapping must be an object of type code → sector';
  const wrong = Object.entries(mapping).find(([, sector]) => !isSector(sector));
  return wrong ? `the sector mapping gives "${wrong[0]}" the sector "${String(wrong[1])}", which is not one of ${SECTORS.join(', ')}` : undefined;
};

const FHIR_JSON = 'application/fhir+json';
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** `W/"3"` → `3`. */
const versionFromTag = (tag: string | null): string | undefined => tag?.trim().match(/^(?:W\/)?"?([^"]*)"?$/)?.[1] || undefined;

/** A resource as it is sent: without the version and time the server gives it. */
const forWriting = (resource: F.Resource): F.Resource => {
  const written = { ...resource };
  delete written.meta;
  if (resource.meta) {
    const { versionId: _versionId, lastUpdated: _lastUpdated, ...meta } = resource.meta;
    if (Object.keys(meta).length) written.meta = meta;
  }
  return written;
};

/** `W/"3"` as an If-Match value from a version. */
const ifMatch = (version: string) => `W/"${version.replace(/^W\//, '').replace(/"/g, '')}"`;

/** One resource a save writes: `baseVersion` to match, `create` when it is new here. */
interface PlannedWrite {
  resource: F.Resource;
  baseVersion?: string;
  create?: boolean;
}

/**
 * A create's update that the server refused because the resource exists now: `412` (or `409`) to
 * `If-None-Match: *`, or `304 Not Modified` from servers that answer so. Someone else created it
 * between the read and the write; nothing of theirs was replaced. Other failures stay as they are.
 */
const createdMeanwhile = <E>(resource: F.Resource, error: E): E | StoreError => {
  if (!(error instanceof StoreError) || !(error.kind === 'conflict' || error.status === 304)) return error;
  return new StoreError('conflict', `${resource.resourceType}/${resource.id ?? ''} was created by someone else meanwhile; nothing of theirs was replaced (${error.detail})`, error.status);
};

/** The plain-language messages of an OperationOutcome. */
export const outcomeMessages = (body: unknown): string[] => {
  const outcome = body as F.OperationOutcome | undefined;
  if (outcome?.resourceType !== 'OperationOutcome') return [];
  return (outcome.issue ?? []).map((i) => i.details?.text ?? i.diagnostics ?? '').filter(Boolean);
};

/**
 * A data source for a FHIR R4 or R5 server. `load` searches the patient's CareTeam (with its
 * participants included), Consents, Tasks, CarePlans, Appointments, the members' Schedules
 * and Slots, and the Compositions and Communications of meeting outcomes, following Bundle `next` links, and maps them to one CareRecord that is checked
 * against the contract. `save` maps the changed entity back onto the resource it was read from
 * (so elements the mapping does not know survive), writes it with a conditional update
 * (`PUT` with `If-Match: W/"<versionId>"`), and takes the new `versionId` from the answer.
 * 409/412 answers are conflicts; OperationOutcome messages become the error detail.
 */
export class FhirSource implements CareDataSource {
  readonly baseUrl: string;
  /** The release read: as given, or (when none was given) what the server's metadata said on the first load. */
  version: F.FhirVersion;
  private versionKnown: boolean;
  readonly patient: string;
  private readonly options: FhirSourceOptions;
  private index = new ResourceIndex();
  private team?: CareTeam;
  private teamId?: string;
  /**
   * What the last load left out, one note per resource: `left-on-server` for resources that are not
   * what the elements show (an advance directive), `refused` for resources broken for the contract.
   */
  notes: FhirNote[] = [];

  /**
   * The resources the last load refused because they break the contract (`notes` of kind
   * `refused`), as the store reports them: `entity` is what each would have been (`Meeting`), `id`
   * the resource (`Appointment/a-7`), `at` the FHIR element.
   */
  leftOut: LeftOut[] = [];

  /** The last version of each resource read or written, by `Type/id`: the base of the next write. */
  private readonly lastRead = new Map<string, F.Resource>();
  /**
   * `CarePlan/<id>@<version>` → the version this source's own write of one of the plan's
   * activities made of it. Activities of one CarePlan share its version: after one is saved, a
   * sibling read at the version before is saved on top of the plan as written (nothing else can
   * have changed it, or that write would have met a 412), not reported as someone else's change.
   */
  private readonly ownActivityWrites = new Map<string, string>();
  /**
   * `CarePlan/<id>` → the last write of one of its activities under way. Saves of two activities
   * of one plan made at the same moment were both read at the same version: the second waits for
   * the first, so it is written on the version the first made rather than meeting a 412 nobody caused.
   */
  private readonly activityWritesUnderWay = new Map<string, Promise<unknown>>();
  /** What the server offers (transactions, a create that fails over an existing resource), from its CapabilityStatement: read once, when first needed. */
  private capabilities?: Promise<ServerCapabilities>;

  constructor(options: FhirSourceOptions) {
    if (!options?.baseUrl) throw new TypeError('FhirSource needs a baseUrl');
    const unsupported = options.version === undefined ? undefined : unsupportedVersion(options.version);
    if (unsupported) throw new TypeError(unsupported);
    if (!options.patient) throw new TypeError('FhirSource needs the patient id');
    const settings = settingsProblem(options);
    if (settings) throw new TypeError(`FhirSource: ${settings}`);
    this.options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.version = options.version ?? 'R4';
    this.versionKnown = options.version !== undefined;
    this.patient = options.patient.startsWith('Patient/') ? options.patient : `Patient/${options.patient}`;
  }

  private mapping(extra: Partial<FhirMappingOptions> = {}): FhirMappingOptions {
    return {
      version: this.version,
      index: this.index,
      timeZone: this.options.timeZone,
      defaultSector: this.options.defaultSector,
      sectorMapping: this.options.sectorMapping,
      patient: this.patient,
      teamId: this.teamId,
      team: this.team,
      ...extra,
    };
  }

  async load(teamId: string, signal?: AbortSignal): Promise<CareRecord> {
    if (!this.versionKnown) {
      const { body } = await this.read(`${this.baseUrl}/metadata`, signal);
      this.capabilities = Promise.resolve(capabilitiesFrom(body));
      const found = versionFromMetadata((body as { fhirVersion?: string } | undefined)?.fhirVersion);
      if ('problem' in found) throw new StoreError('rejected', found.problem);
      this.version = found.version;
      this.versionKnown = true;
    }
    this.index = new ResourceIndex([], this.baseUrl);
    const careTeamId = this.options.careTeam || teamId || undefined;
    // The typed reference (`patient=Patient/123`): servers that match only `Type/id` (Medplum) find it too.
    const patientParam = `patient=${encodeURIComponent(this.patient)}`;
    const teamQuery = careTeamId ? `_id=${encodeURIComponent(careTeamId)}` : patientParam;
    const teams = await this.search(
      `CareTeam?${teamQuery}&_include=CareTeam:participant&_include=CareTeam:subject`,
      signal,
    );
    // The search includes participants, which may be other CareTeams: the team asked for, else the patient's own, comes first.
    const ofPatient = (team: F.CareTeam) => this.index.key(team.subject, team) === this.patient;
    const careTeam = (teams.filter((r) => r.resourceType === 'CareTeam' && (!careTeamId || r.id === careTeamId)) as F.CareTeam[]).sort(
      (a, b) =>
        Number(ofPatient(b)) - Number(ofPatient(a)) ||
        Number(a.status === 'entered-in-error') - Number(b.status === 'entered-in-error') ||
        Number(b.status === 'active') - Number(a.status === 'active'),
    )[0];
    if (!careTeam) {
      throw new StoreError('rejected', careTeamId ? `the FHIR server has no CareTeam "${careTeamId}"` : `the FHIR server has no CareTeam for ${this.patient}`, 404);
    }
    if (careTeam.status === 'entered-in-error') {
      throw new StoreError('rejected', `CareTeam/${careTeam.id ?? ''} was entered in error (CareTeam.status), so it is not shown as ${this.patient}'s team${careTeamId ? '' : ', and the server has no other CareTeam for them'}`);
    }
    const subject = this.index.key(careTeam.subject, careTeam);
    if (subject && subject !== this.patient) {
      // Someone else's team would be shown beside this person's consents, meetings and crisis plan.
      throw new StoreError('rejected', `CareTeam/${careTeam.id ?? ''} is the team of ${subject}, not of ${this.patient}: it is not shown (check the care-team and patient attributes)`);
    }
    this.refuseOtherVersion([careTeam]);
    await this.fetchMissing(careTeam, signal);
    this.teamId = careTeam.id;
    const team = careTeamFromFhir(careTeam, this.mapping());
    this.team = team;

    const memberRefs = team.members.map((m) => m.id).filter((id) => /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]+$/.test(id));
    const [consents, tasks, plans, appointments, schedules, compositions, messages] = await Promise.all([
      // R4 defines `consentor` for who decided (performer); R5 defines no search parameter for grantor, so they are read by id below.
      this.search(`Consent?${patientParam}&_include=Consent:actor${this.version === 'R4' ? '&_include=Consent:consentor' : ''}`, signal),
      this.search(`Task?${patientParam}`, signal),
      this.search(`CarePlan?${patientParam}`, signal),
      this.search(`Appointment?${patientParam}&_include=Appointment:location`, signal),
      memberRefs.length ? this.search(`Schedule?actor=${memberRefs.map(encodeURIComponent).join(',')}&_revinclude=Slot:schedule`, signal) : Promise.resolve([]),
      this.search(`Composition?${patientParam}`, signal),
      this.search(`Communication?${patientParam}`, signal),
    ]);
    const of = <T extends F.Resource>(list: F.Resource[], type: T['resourceType']) => list.filter((r): r is T => r.resourceType === type);
    this.refuseOtherVersion(of<F.Consent>(consents, 'Consent'));
    await this.fetchDeciders(of<F.Consent>(consents, 'Consent'), signal);
    const options = this.mapping();
    const notes: FhirNote[] = [];
    const leftOut: LeftOut[] = [];
    /** Maps one resource to `entity`s; one that cannot be shown is left out with its note, never the whole record. */
    const each = <T, R>(entity: string, list: T[], map: (item: T) => R | R[]): R[] =>
      list.flatMap((item) => {
        try {
          return map(item);
        } catch (error) {
          if (!(error instanceof FhirResourceProblem)) throw error;
          const { note } = error;
          notes.push(note);
          if (note.kind === 'refused') leftOut.push({ entity, id: `${note.resourceType}/${note.id}`, at: note.path, issues: [{ path: note.path, message: note.message }] });
          return [];
        }
      });
    /** One entity that breaks the contract is left out with its problem, named by its FHIR resource. */
    const valid = <T>(schema: Parameters<typeof check>[0], resourceType: string, entity: T): T => {
      const result = check<T>(schema as never, entity);
      if (result.ok) return result.value;
      const id = (entity as { id?: string }).id ?? '';
      // The first problem names the element; every problem is listed in FHIR terms.
      const problems = result.issues.map((issue) => resourceProblemInFhir(resourceType, issue, this.version));
      throw new FhirResourceProblem({
        kind: 'refused',
        resourceType,
        id: resourceType === 'CarePlan' ? id.replace(/#.*$/, '') : id,
        path: problems[0]?.path ?? resourceType,
        message: problems.map((p) => `${p.path}: ${p.message}`).join('; '),
        fix: `correct ${[...new Set(problems.map((p) => p.path))].join(' and ')} as the message says`,
      });
    };
    const carePlans = of<F.CarePlan>(plans, 'CarePlan');
    const record = {
      team,
      responsibilities: [
        ...each('Responsibility', of<F.Task>(tasks, 'Task'), (task) => valid(Responsibility, 'Task', responsibilityFromTask(task, options))),
        ...each('Responsibility', carePlans.filter((plan) => !isCrisisCarePlan(plan)), (plan) => responsibilitiesFromCarePlan(plan, options).map((r) => valid(Responsibility, 'CarePlan', r))),
      ],
      crisisPlans: each('CrisisPlan', carePlans.filter(isCrisisCarePlan), (plan) => valid(CrisisPlan, 'CarePlan', crisisPlanFromFhir(plan, options))),
      consents: each('ConsentDirective', of<F.Consent>(consents, 'Consent'), (consent) => valid(ConsentDirective, 'Consent', consentFromFhir(consent, options))),
      // An Appointment with no time yet cannot be a meeting of the contract; it stays on the server untouched, with a note.
      meetings: each('Meeting', of<F.Appointment>(appointments, 'Appointment'), (appointment) => {
        if (!hasTime(appointment)) {
          throw new FhirResourceProblem({ kind: 'left-on-server', resourceType: 'Appointment', id: appointment.id ?? '', path: 'Appointment.start', message: 'the appointment has no time yet (no start, and no requested time of day), so it is not shown as a meeting at a time nobody set.', fix: 'set Appointment.start when the time is agreed' });
        }
        return valid(Meeting, 'Appointment', meetingFromFhir(appointment, options));
      }),
      availability: availabilityFromFhir(of<F.Schedule>(schedules, 'Schedule'), of<F.Slot>(schedules, 'Slot'), options),
      // Other Compositions (discharge letters, summaries) are no meeting outcomes: they stay on the server untouched.
      meetingOutcomes: each('MeetingOutcome', of<Composition>(compositions, 'Composition').filter(isMeetingOutcome), (composition) =>
        valid(MeetingOutcome, 'Composition', meetingOutcomeFromFhir(composition, options, of<F.Communication>(messages, 'Communication'))),
      ),
      audit: [],
    };
    const result = check(CareRecord, record);
    if (!result.ok) {
      // What is left is the team: name the CareTeam and its FHIR elements so the integrator knows where to look.
      const teamIssues = result.issues.filter((i) => i.path.startsWith('team'));
      const inFhir = [...teamProblemsInFhir(careTeam, team, teamIssues, this.index, this.version), ...result.issues.filter((i) => !teamIssues.includes(i))];
      throw new StoreContractError(`CareTeam/${careTeam.id ?? ''}`, inFhir);
    }
    this.team = result.value.team;
    this.notes = notes;
    this.leftOut = leftOut;
    for (const note of notes) if (note.kind === 'refused') console.warn(`FhirSource: left out ${formatNote(note)}`);
    return result.value;
  }

  async save<K extends ChangeKind>(change: Change<K>, signal?: AbortSignal): Promise<EntityByKind[K]> {
    const value = this.withBase(change.entity, change.value as unknown as Record<string, unknown>);
    if (change.entity === 'meeting-outcome') return (await this.saveOutcome(change, value as unknown as MeetingOutcome, signal)) as EntityByKind[K];
    const activityOf = change.entity === 'responsibility' && isCarePlanActivity(value) ? `CarePlan/${String((value.fhir as { resource: F.CarePlan }).resource.id)}` : undefined;
    return activityOf ? this.inTurn(activityOf, () => this.saveResource(change, value, activityOf, signal)) : this.saveResource(change, value, undefined, signal);
  }

  /** Runs `write` after the writes already queued under `key` have settled (saved or failed), and queues it. */
  private inTurn<T>(key: string, write: () => Promise<T>): Promise<T> {
    const result = (this.activityWritesUnderWay.get(key) ?? Promise.resolve()).then(write, write);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.activityWritesUnderWay.set(key, settled);
    void settled.then(() => {
      if (this.activityWritesUnderWay.get(key) === settled) this.activityWritesUnderWay.delete(key);
    });
    return result;
  }

  private async saveResource<K extends ChangeKind>(change: Change<K>, base: Record<string, unknown>, activityOf: string | undefined, signal?: AbortSignal): Promise<EntityByKind[K]> {
    let value = base;
    const options = this.mapping();
    let baseVersion = change.create ? undefined : change.baseVersion;
    if (activityOf && !change.create) {
      const kept = value.fhir as { resource: F.CarePlan };
      const read = baseVersion ?? kept.resource.meta?.versionId;
      let newest = read;
      while (newest !== undefined && this.ownActivityWrites.has(`${activityOf}@${newest}`)) newest = this.ownActivityWrites.get(`${activityOf}@${newest}`);
      const written = this.lastRead.get(activityOf);
      if (newest !== read && written?.meta?.versionId === newest) {
        value = { ...value, fhir: { ...kept, resource: written } };
        baseVersion = newest;
      }
    }
    let resource: F.Resource;
    switch (change.entity) {
      case 'team':
        resource = careTeamToFhir(value as unknown as CareTeam, options);
        break;
      case 'responsibility':
        resource = isCarePlanActivity(value)
          ? responsibilityToCarePlan(value as unknown as EntityByKind['responsibility'], options)
          : responsibilityToTask(value as unknown as EntityByKind['responsibility'], options);
        break;
      case 'consent':
        resource = consentToFhir(value as unknown as EntityByKind['consent'], options);
        break;
      case 'crisis-plan':
        resource = crisisPlanToFhir(value as unknown as EntityByKind['crisis-plan'], options);
        break;
      default:
        resource = meetingToFhir(value as unknown as EntityByKind['meeting'], options);
    }
    const wroteOn = change.create ? undefined : (baseVersion ?? resource.meta?.versionId);
    const { stored, version } = await this.write(resource, wroteOn, signal, change.create);
    if (activityOf && wroteOn && version) this.ownActivityWrites.set(`${activityOf}@${wroteOn}`, version);

    const back = this.mapping();
    let entity: unknown;
    switch (change.entity) {
      case 'team':
        entity = careTeamFromFhir(stored as F.CareTeam, back);
        break;
      case 'responsibility':
        entity =
          stored.resourceType === 'CarePlan'
            ? responsibilitiesFromCarePlan(stored as F.CarePlan, back).find((r) => r.id === (change.value as { id: string }).id)
            : responsibilityFromTask(stored as F.Task, back);
        break;
      case 'consent':
        entity = consentFromFhir(stored as F.Consent, back);
        break;
      case 'crisis-plan':
        entity = crisisPlanFromFhir(stored as F.CarePlan, back);
        break;
      default:
        entity = meetingFromFhir(stored as F.Appointment, back);
    }
    const saved = this.checked(change.entity, entity, version);
    if (change.entity === 'team') this.team = saved as unknown as CareTeam;
    return saved;
  }

  /**
   * A meeting outcome: its Composition is written (If-Match) only when it changed, and each
   * confirmation, question or answer that is new or changed as its own Communication. A
   * confirmation or a question therefore never conflicts with the coordinator's edit, and two
   * participants confirming at once write two resources. A save that writes more than one resource
   * goes as one transaction Bundle when the server's CapabilityStatement offers transactions: all
   * of it is stored, or (a conflict, a failure) none of it.
   */
  private async saveOutcome<K extends ChangeKind>(change: Change<K>, value: MeetingOutcome, signal?: AbortSignal): Promise<MeetingOutcome> {
    const options = this.mapping();
    const composition = meetingOutcomeToFhir(value, { ...options, now: change.at });
    const base = this.lastRead.get(`Composition/${composition.id ?? ''}`);
    const withoutMeta = (resource: F.Resource | undefined) => resource && { ...resource, meta: undefined };
    const writes: PlannedWrite[] = [];
    if (change.create || !base || !jsonEqual(withoutMeta(composition), withoutMeta(base))) {
      writes.push({ resource: composition, baseVersion: change.create ? undefined : (change.baseVersion ?? composition.meta?.versionId), create: change.create });
    }
    const existing = [...this.lastRead.values()].filter((r): r is F.Communication => r.resourceType === 'Communication');
    const coordinator = this.team?.members.find((m) => m.coordinator && m.status === 'active');
    const messages = outcomeMessagesToFhir(value, { ...options, existing, ...(coordinator ? { coordinator: { id: coordinator.id, name: coordinator.name } } : {}) });
    for (const message of messages) {
      const before = this.lastRead.get(`Communication/${message.id ?? ''}`);
      if (before && jsonEqual(withoutMeta(message), withoutMeta(before))) continue;
      // A message not read before is new here: one someone else wrote under its id meanwhile (an
      // answer to the same question) is a conflict, never replaced.
      writes.push({ resource: message, baseVersion: before?.meta?.versionId, create: !before });
    }
    const asStored = (results: ReadonlyArray<{ stored: F.Resource; version?: string } | undefined>): MeetingOutcome => {
      const written = writes[0]?.resource === composition ? results[0] : undefined;
      const about = [...this.lastRead.values()].filter((r): r is F.Communication => r.resourceType === 'Communication');
      return this.checked('meeting-outcome', meetingOutcomeFromFhir((written?.stored ?? base ?? composition) as Composition, this.mapping(), about), written ? written.version : base?.meta?.versionId) as MeetingOutcome;
    };
    // Saved in part: the entity as stored, and what of the change was not (the writes in `left`), for the audit trail.
    const partly = (results: ReadonlyArray<{ stored: F.Resource; version?: string } | undefined>, left: readonly PlannedWrite[], cause: StoreError) => {
      const now = asStored(results);
      const places = outcomeMessagePlaces(value);
      const notSaved = left.flatMap(({ resource }) =>
        resource === composition
          ? Object.keys(value)
              .filter((key) => !['id', 'meta', 'confirmations', 'questions'].includes(key) && !jsonEqual(value[key as keyof MeetingOutcome], now[key as keyof MeetingOutcome]))
              .map((key) => [key])
          : [places.get(resource.id ?? '') ?? [resource.resourceType, resource.id ?? '']],
      );
      return new PartlySavedError(now, cause, notSaved);
    };
    if (writes.length > 1 && (await this.serverCapabilities(signal)).transactions) {
      const answers = await this.transaction(writes, signal);
      const failure = answers.find((answer): answer is StoreError => answer instanceof StoreError);
      if (!failure) return asStored(answers as Array<{ stored: F.Resource; version?: string }>);
      // Carried out entry by entry after all: what was stored stays, and the error says so.
      const stored = answers.map((answer) => (answer instanceof StoreError ? undefined : answer));
      if (stored.every((answer) => answer === undefined)) throw failure;
      throw partly(stored, writes.filter((_, i) => stored[i] === undefined), failure);
    }
    const results: Array<{ stored: F.Resource; version?: string }> = [];
    for (const planned of writes) {
      try {
        results.push(await this.write(planned.resource, planned.baseVersion, signal, planned.create));
      } catch (error) {
        // Without a transaction, what was written before stays written: the error says what the server holds now.
        if (results.length === 0 || !(error instanceof StoreError)) throw error;
        throw partly(results, writes.slice(results.length), error);
      }
    }
    return asStored(results);
  }

  /** An entity mapped back from what the server stored, checked against the contract, with the server's version. */
  private checked<K extends ChangeKind>(kind: K, entity: unknown, version: string | undefined): EntityByKind[K] {
    const result = check<unknown>(ENTITY_SCHEMAS[kind] as never, entity);
    if (!result.ok) throw new StoreContractError(ENTITY_NAMES[kind], result.issues);
    const saved = result.value as EntityByKind[K] & { meta?: { version?: string } };
    if (version) saved.meta = { ...saved.meta, version };
    return saved;
  }

  /**
   * One conditional update (`PUT`, `If-Match` when there is a version to match); the stored resource is remembered as the base of the next write.
   * `create`: the entity is new, so a resource someone else created with its id meanwhile is a conflict, never replaced: its id is
   * read first, and the update carries `If-None-Match: *` where the server's CapabilityStatement says it honours it for the type.
   */
  private async write(resource: F.Resource, baseVersion: string | undefined, signal?: AbortSignal, create = false): Promise<{ stored: F.Resource; version?: string }> {
    if (!resource.id || !FHIR_ID.test(resource.id)) {
      throw new StoreError('rejected', `"${resource.id ?? ''}" cannot be a FHIR id (1–64 letters, digits, "-" or ".")`, 422);
    }
    const headers = new Headers({ 'Content-Type': FHIR_JSON, Prefer: 'return=representation' });
    if (create) {
      const [capabilities] = await Promise.all([this.serverCapabilities(signal), this.refuseExisting(resource, signal)]);
      if (capabilities.createOnlyIfNew.has(resource.resourceType)) headers.set('If-None-Match', '*');
    }
    if (baseVersion) headers.set('If-Match', ifMatch(baseVersion));
    const written = forWriting(resource);
    const url = `${this.baseUrl}/${resource.resourceType}/${encodeURIComponent(resource.id)}`;
    const { body, response } = await this.request('PUT', url, signal, headers, JSON.stringify(written)).catch((error: unknown) => {
      throw create ? createdMeanwhile(resource, error) : error;
    });
    const stored = ((body as F.Resource | undefined)?.resourceType === resource.resourceType ? body : written) as F.Resource;
    const version = stored.meta?.versionId ?? versionFromTag(response.headers.get('ETag'));
    if (version) stored.meta = { ...stored.meta, versionId: version };
    this.remember(stored);
    return { stored, version };
  }

  /**
   * Writes several resources as one transaction Bundle (`POST` to the base URL): each entry a `PUT`
   * by id with `If-Match` of the version it was made on, a new one after a read of its id that
   * finds nothing, with `ifNoneMatch: *` where the server honours it for the type. The server
   * stores all of them or none; each stored one is remembered as the base
   * of the next write. An entry the answer does not give back is read to learn its version. An
   * entry answered with an error status (a server that carried the entries out one by one) is
   * that entry's error, in its place.
   */
  private async transaction(writes: readonly PlannedWrite[], signal?: AbortSignal): Promise<Array<{ stored: F.Resource; version?: string } | StoreError>> {
    for (const { resource, create } of writes) {
      if (!resource.id || !FHIR_ID.test(resource.id)) {
        throw new StoreError('rejected', `"${resource.id ?? ''}" cannot be a FHIR id (1–64 letters, digits, "-" or ".")`, 422);
      }
      if (create) await this.refuseExisting(resource, signal);
    }
    const { createOnlyIfNew } = await this.serverCapabilities(signal);
    const onlyIfNew = ({ resource, create }: PlannedWrite) => Boolean(create) && createOnlyIfNew.has(resource.resourceType);
    const address = (resource: F.Resource) => `${resource.resourceType}/${encodeURIComponent(resource.id!)}`;
    const bundle: F.Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: writes.map((planned) => ({
        fullUrl: `${this.baseUrl}/${address(planned.resource)}`,
        resource: forWriting(planned.resource),
        request: {
          method: 'PUT',
          url: address(planned.resource),
          ...(planned.baseVersion ? { ifMatch: ifMatch(planned.baseVersion) } : {}),
          ...(onlyIfNew(planned) ? { ifNoneMatch: '*' } : {}),
        },
      })),
    };
    const headers = new Headers({ 'Content-Type': FHIR_JSON, Prefer: 'return=representation' });
    const { body } = await this.request('POST', this.baseUrl, signal, headers, JSON.stringify(bundle));
    const entries = (body as F.Bundle | undefined)?.resourceType === 'Bundle' ? ((body as F.Bundle).entry ?? []) : [];
    const results: Array<{ stored: F.Resource; version?: string } | StoreError> = [];
    for (const [i, planned] of writes.entries()) {
      const { resource } = planned;
      const entry = entries[i];
      // A server that carries the entries out one by one (as a batch) answers each entry's own status.
      const status = Number(/^\s*(\d{3})/.exec(entry?.response?.status ?? '')?.[1] ?? 200);
      if (status >= 400 || (status === 304 && onlyIfNew(planned))) {
        const messages = outcomeMessages(entry?.response?.outcome);
        const error = new StoreError(errorKindForStatus(status), `${messages.length ? `${messages.join('; ')} ` : ''}(PUT ${address(resource)} in a transaction answered ${status})`, status);
        results.push(planned.create ? createdMeanwhile(resource, error) : error);
        continue;
      }
      let stored = entry?.resource?.resourceType === resource.resourceType && entry.resource.id === resource.id ? entry.resource : undefined;
      let version = stored?.meta?.versionId ?? versionFromTag(entry?.response?.etag ?? null);
      if (!stored || !version) {
        // Stored (the transaction succeeded), but the answer does not say as what: read it, and
        // failing that keep what was sent, never report as unsaved what the server has stored.
        try {
          const read = await this.read(`${this.baseUrl}/${address(resource)}`, signal);
          stored = (read.body as F.Resource | undefined)?.resourceType === resource.resourceType ? (read.body as F.Resource) : forWriting(resource);
          version = stored.meta?.versionId ?? versionFromTag(read.response.headers.get('ETag'));
        } catch {
          stored ??= forWriting(resource);
        }
      }
      if (version) stored = { ...stored, meta: { ...stored.meta, versionId: version } };
      this.remember(stored);
      results.push({ stored, version });
    }
    return results;
  }

  /**
   * What the server offers, from its CapabilityStatement. One the server refuses to give (a 4xx)
   * offers nothing, for the life of the source; one that cannot be read (no answer, 5xx, 401/403)
   * offers nothing this time and is asked again next time.
   */
  private serverCapabilities(signal?: AbortSignal): Promise<ServerCapabilities> {
    this.capabilities ??= this.read(`${this.baseUrl}/metadata`, signal).then(
      ({ body }) => capabilitiesFrom(body),
      (error: unknown) => {
        if (!(error instanceof StoreError && error.kind === 'rejected')) this.capabilities = undefined;
        return NOTHING_OFFERED;
      },
    );
    return this.capabilities;
  }

  /**
   * A create is an update to the new id, which a server carries out over a resource that exists: it
   * is read first, and one found is a conflict. The read needs no header the server must allow, but
   * leaves a moment before the write that only `If-None-Match: *` closes (where the server offers it).
   */
  private async refuseExisting(resource: F.Resource, signal?: AbortSignal): Promise<void> {
    try {
      await this.request('GET', `${this.baseUrl}/${resource.resourceType}/${encodeURIComponent(resource.id!)}`, signal);
    } catch (error) {
      if (error instanceof StoreError && (error.status === 404 || error.status === 410)) return;
      throw error;
    }
    throw new StoreError('conflict', `${resource.resourceType}/${resource.id} was created by someone else meanwhile`, 412);
  }

  /** Gives an entity that lost its `fhir` copy (or never had one) the last resource read for it, so the write merges. */
  private withBase(kind: ChangeKind, value: Record<string, unknown>): Record<string, unknown> {
    if ((value.fhir as { resource?: unknown } | undefined)?.resource) return value;
    const type = { team: 'CareTeam', responsibility: 'Task', consent: 'Consent', meeting: 'Appointment', 'crisis-plan': 'CarePlan', 'meeting-outcome': 'Composition' }[kind];
    const last = this.lastRead.get(`${type}/${String(value.id)}`);
    return last ? { ...value, fhir: { version: this.version, resource: last } } : value;
  }

  private remember(resource: F.Resource) {
    if (resource.id) this.lastRead.set(`${resource.resourceType}/${resource.id}`, resource);
    this.index.add(resource);
  }

  /**
   * Reads references the search could not include (managing and onBehalfOf organisations,
   * PractitionerRole targets; FHIR defines no search parameter to include them) in one search per type.
   */
  private async fetchMissing(careTeam: F.CareTeam, signal?: AbortSignal) {
    const missing = new Map<string, Set<string>>();
    const note = (reference: F.Reference | undefined, from: F.Resource) => {
      if (!reference?.reference || reference.reference.startsWith('#') || this.index.resolve(reference, from)) return;
      const key = this.index.key(reference, from);
      const match = key ? /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]+)$/.exec(key) : null;
      if (match) missing.set(match[1], (missing.get(match[1]) ?? new Set()).add(match[2]));
    };
    for (const organisation of careTeam.managingOrganization ?? []) note(organisation, careTeam);
    for (const participant of careTeam.participant ?? []) {
      note(participant.member, careTeam);
      note(participant.onBehalfOf, careTeam);
      const target = this.index.resolve(participant.member, careTeam);
      if (target?.resourceType === 'PractitionerRole') {
        note((target as F.PractitionerRole).practitioner, target);
        note((target as F.PractitionerRole).organization, target);
      }
    }
    await Promise.all(
      [...missing].map(([type, ids]) => this.search(`${type}?_id=${[...ids].map(encodeURIComponent).join(',')}`, signal).catch(() => [])),
    );
  }

  /**
   * Reads the RelatedPersons who decided a consent (R4 `performer`, R5 `grantor`) that the searches
   * did not bring: someone who is not on the team, in R5 always, since R5 has no search parameter to
   * include them. Without them a guardian's decision would show no decider at all.
   */
  private async fetchDeciders(consents: F.Consent[], signal?: AbortSignal) {
    const ids = new Set<string>();
    for (const consent of consents) {
      const reference = (this.version === 'R4' ? consent.performer : consent.grantor)?.[0];
      if (!reference?.reference || this.index.resolve(reference, consent)) continue;
      const match = /^RelatedPerson\/([A-Za-z0-9\-.]+)$/.exec(this.index.key(reference, consent) ?? '');
      if (match) ids.add(match[1]);
    }
    if (ids.size) await this.search(`RelatedPerson?_id=${[...ids].map(encodeURIComponent).join(',')}`, signal).catch(() => []);
  }

  /** One search, following `next` links; every resource lands in the index. Returns them all. */
  private async search(query: string, signal?: AbortSignal): Promise<F.Resource[]> {
    const resources: F.Resource[] = [];
    let url: string | undefined = `${this.baseUrl}/${query}`;
    const maxPages = this.options.maxPages ?? 50;
    for (let page = 0; url && page < maxPages; page++) {
      const { body } = await this.read(url, signal);
      const bundle = body as F.Bundle | undefined;
      if (bundle?.resourceType !== 'Bundle') throw new StoreContractError('Bundle', [{ path: '', message: `the search ${query.split('?')[0]} did not answer a Bundle` }]);
      for (const entry of bundle.entry ?? []) {
        if (!entry.resource) continue;
        this.index.add(entry.resource, entry.fullUrl);
        if (entry.resource.id) this.lastRead.set(`${entry.resource.resourceType}/${entry.resource.id}`, entry.resource);
        resources.push(entry.resource);
      }
      const next: string | undefined = bundle.link?.find((l) => l.relation === 'next')?.url;
      url = next ? this.sameServer(next, query) : undefined;
    }
    return resources;
  }

  /** Content of another release (STU3 read as R4, R4 read as R5) fails the load with a reason: read as it is, it would mean something else. */
  private refuseOtherVersion(resources: F.Resource[]) {
    for (const resource of resources) {
      const problem = contentVersionProblem(resource, this.version);
      if (problem) throw new StoreError('rejected', problem);
    }
  }

  /**
   * A `next` link as an absolute URL, only when it is on the base URL's scheme and origin: the
   * configured headers (a bearer token) must never go to a server the link's writer chose.
   */
  private sameServer(link: string, query: string): string {
    const base = new URL(`${this.baseUrl}/`);
    let url: URL;
    try {
      url = new URL(link, base);
    } catch {
      throw new StoreError('server', `the FHIR server's next page link for ${query.split('?')[0]} is not a URL ("${link.slice(0, 200)}")`);
    }
    if (url.protocol !== base.protocol || url.origin !== base.origin) {
      throw new StoreError(
        'server',
        `the FHIR server's next page link for ${query.split('?')[0]} points to ${url.origin}, not to ${base.origin}; it was not followed and no request was sent there (set the server's base URL so its Bundle links use ${base.origin})`,
      );
    }
    return url.href;
  }

  private async read(url: string, signal?: AbortSignal) {
    const retries = Math.max(0, this.options.retries ?? 2);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.request('GET', url, signal);
      } catch (error) {
        const retryable = error instanceof StoreError && (error.kind === 'network' || error.kind === 'server');
        if (attempt >= retries || !retryable || signal?.aborted) throw error;
        await wait(300 * 2 ** attempt, signal);
      }
    }
  }

  private async request(method: 'GET' | 'PUT' | 'POST', url: string, callerSignal?: AbortSignal, headers = new Headers(), body?: string) {
    const extra = typeof this.options.headers === 'function' ? await this.options.headers() : this.options.headers;
    new Headers(extra).forEach((value, name) => {
      if (!headers.has(name)) headers.set(name, value);
    });
    headers.set('Accept', FHIR_JSON);
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal && typeof AbortSignal.any === 'function' ? AbortSignal.any([callerSignal, timeout]) : timeout;
    const fetchImpl = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(url, { method, headers, body, signal, cache: 'no-store', credentials: this.options.credentials ?? 'same-origin' });
      text = await response.text();
    } catch (error) {
      if (callerSignal?.aborted) throw callerSignal.reason ?? error;
      if (timeout.aborted) throw new StoreError('timeout', `${method} ${url} had no answer within ${timeoutMs} ms`);
      throw new StoreError('network', `${method} ${url} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    let parsed: unknown;
    if (text.trim()) {
      try {
        parsed = JSON.parse(text);
      } catch {
        if (response.ok) throw new StoreContractError('FHIR resource', [{ path: '', message: `expected FHIR JSON, found ${text.length} characters that are not JSON` }]);
      }
    }
    if (!response.ok) {
      const messages = outcomeMessages(parsed);
      const statusLine = `${method} ${url} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw new StoreError(errorKindForStatus(response.status), messages.length ? `${messages.join('; ')} (${statusLine})` : statusLine, response.status);
    }
    return { response, body: parsed };
  }
}

/** Creates a FhirSource; what `<care-context fhir-base=… fhir-version=… patient=…>` calls. */
export const createFhirSource = (options: FhirSourceOptions): FhirSource => new FhirSource(options);
