// npm run contract:docs: writes docs/contract/<Entity>.schema.json (JSON Schema generated from the
// zod schemas in src/contract/) and docs/contract.md (the prose reference, with one example per
// entity from the Fjordvik fixture).
//   --check   regenerate in memory and exit 1, listing the files that are stale or missing.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const docsDir = join(root, 'docs');
const schemaDir = join(docsDir, 'contract');
const checkOnly = process.argv.includes('--check');

/** The entities that get a JSON Schema file and a main section, in reading order. */
const ENTITIES = [
  'CareRecord',
  'CareTeam',
  'Member',
  'Organisation',
  'ContactPoint',
  'Responsibility',
  'ConsentDirective',
  'Meeting',
  'Availability',
  'AuditEntry',
];

/** Parts of the entities, documented once under "Supporting types". */
const SUPPORTING = [
  'Actor',
  'Role',
  'Period',
  'Hours',
  'Meta',
  'Assignment',
  'Note',
  'Step',
  'Dispute',
  'Handover',
  'Recipient',
  'Decider',
  'ConsentHistoryEntry',
  'Participant',
  'AgendaItem',
  'Location',
  'Recurrence',
  'OccurrenceException',
  'Interval',
  'WorkingHours',
];

/** Shared scalar schemas, shown by name in the field tables. */
const SCALARS = {
  Id: 'id',
  IsoDate: 'date',
  Instant: 'instant',
  TimeZone: 'time zone',
  TimeOfDay: 'time of day',
  HttpsUrl: 'https URL',
};

/** Rules checked in code (superRefine) that cannot be read from the schema objects. */
const CODE_RULES = {
  CareTeam: [
    'Member ids are unique within the team (`members[i].id`).',
    'The service user (`serviceUserId`) is a member of the team, and that member has kind `service-user`.',
    'Exactly one member with status `active` has `coordinator: true` (`members`): none and two are both refused, with a message naming how many were found.',
    'Every `organisationId` of a member names an organisation in `organisations` (`members[i].organisationId`).',
  ],
  Responsibility: [
    'Each member has at most one part in a responsibility (`assignments[i].memberId`).',
    'A responsibility with status `disputed` has a `dispute` saying who disputes it and why.',
    'Exactly one accountable member is expected but not enforced: a responsibility without one (or with one who has left) is accepted and flagged by the elements, so it can be seen and mended.',
  ],
};

/** What a field means, where its name and type do not say it all. Keyed `Type.field`. */
const FIELD_NOTES = {
  '*.meta': 'Version information, set by the data source.',
  '*.teamId': 'The care team it belongs to, when a source needs it.',
  'CareRecord.team': 'The care team.',
  'CareRecord.audit': 'Changes as they were tried, newest last.',
  'CareTeam.name': 'A name for the team, if it has one.',
  'CareTeam.serviceUserId': 'The member this team is for.',
  'CareTeam.contacts': 'How to reach the team as a whole (for example the service\u2019s phone).',
  'CareTeam.expectedSectors': 'Sectors that should be on the team; the roster points out the ones missing.',
  'CareTeam.lastConfirmed': 'When someone last confirmed the member list is right.',
  'CareTeam.confirmedBy': 'Who confirmed it.',
  'CareTeam.meta': 'Version for optimistic concurrency; set by the data source.',
  'Member.name': 'Display name.',
  'Member.role': 'What the member does on this team, coded, with a plain-language label.',
  'Member.organisationId': 'The organisation the member acts for (professionals).',
  'Member.sector': 'The sector the member acts in, when there is no organisation to take it from.',
  'Member.period': 'When the membership started and, if it has, ended.',
  'Member.coordinator': '`true` for the team\u2019s coordinator.',
  'Member.lastConfirmed': 'When the member last confirmed their details.',
  'Member.note': 'Free text about the member\u2019s part in the team.',
  'Organisation.offers': 'In plain language, what the organisation does for the person.',
  'ContactPoint.value': 'The number, address or https:// link, depending on the channel.',
  'ContactPoint.label': 'What the contact is, for example "Reception".',
  'ContactPoint.hours': 'When the contact is answered.',
  'ContactPoint.preferred': '`true` for the way the member prefers to be reached.',
  'ContactPoint.private': '`true` if only the audiences in `visibleTo` may see it.',
  'ContactPoint.visibleTo': 'Who may see a private contact; an empty list means nobody but the member.',
  'Responsibility.assignments': 'Each member\u2019s part (accountable, responsible, consulted, informed).',
  'Responsibility.ownedByServiceUser': '`true` for the service user\u2019s own goals and tasks.',
  'Responsibility.steps': 'Small steps of a goal or task.',
  'Responsibility.due': 'When it should be done.',
  'Responsibility.reviewDate': 'When the team should look at it again; flagged when passed.',
  'Responsibility.dispute': 'Who disagrees and why; required when status is `disputed`.',
  'Responsibility.handover': 'A proposal to give the accountable part to someone else.',
  'Responsibility.notes': 'The note thread, oldest first.',
  'ConsentDirective.subjectId': 'Whose consent: the member id of the service user.',
  'ConsentDirective.recipient': 'Who may receive the information.',
  'ConsentDirective.purposes': 'What the information may be used for.',
  'ConsentDirective.categories': 'Which kinds of information.',
  'ConsentDirective.model': '`opt-in`: nothing is shared until granted. `objection`: sharing is allowed until the person objects.',
  'ConsentDirective.state': 'The decision on record; `not-recorded` means nobody has asked yet.',
  'ConsentDirective.since': 'When the current state was decided. Required unless `not-recorded`.',
  'ConsentDirective.validFrom': 'First day the consent applies.',
  'ConsentDirective.validUntil': 'Last day the consent applies.',
  'ConsentDirective.reviewDate': 'When to ask again.',
  'ConsentDirective.method': 'How the current decision was given.',
  'ConsentDirective.decidedBy': 'Who decided: the person, or someone acting for them.',
  'ConsentDirective.recordedBy': 'Who recorded the decision.',
  'ConsentDirective.legalBasis': 'The law or rule the consent is given under.',
  'ConsentDirective.consequence': 'In plain language, what happens if the person says no.',
  'ConsentDirective.history': 'Every earlier decision, oldest first.',
  'Meeting.location': 'Where: required for in-person and hybrid meetings.',
  'Meeting.videoLink': 'The video meeting: required for digital and hybrid meetings.',
  'Meeting.start': 'When it starts (the first occurrence of a series).',
  'Meeting.end': 'When it ends; after `start`.',
  'Meeting.timeZone': 'The zone the meeting was planned in; recurrences follow its clock.',
  'Meeting.recurrence': 'How a series repeats.',
  'Meeting.agenda': 'Items with their own time slots, so people can join only their part.',
  'Meeting.organiser': 'Who called the meeting.',
  'Meeting.minutes': 'What was said, after the meeting.',
  'Meeting.decisions': 'What was decided, one entry per decision.',
  'Availability.busy': 'Times the member is not free.',
  'Availability.workingHours': 'The member\u2019s regular working hours.',
  'AuditEntry.entityId': 'The id of the changed entity.',
  'AuditEntry.action': 'What was done, in one word: `assign`, `grant`, `withdraw`, `book`, \u2026',
  'AuditEntry.actor': 'Who did it, and the organisation they acted for.',
  'AuditEntry.at': 'When it was tried.',
  'AuditEntry.reason': 'Why, in the user\u2019s words, when they gave one.',
  'AuditEntry.outcome': '`saved`, `failed` (could not be saved) or `vetoed` (stopped by the host page).',
  'Actor.id': 'The member id of the person, when they are on the team.',
  'Actor.organisationId': 'The organisation they acted for.',
  'Role.code': 'A code, for example SNOMED CT 768821004 for a care team coordinator.',
  'Role.system': 'The code system, for example http://snomed.info/sct.',
  'Role.label': 'Plain-language label shown to the service user.',
  'Role.professionalLabel': 'Label shown to professionals.',
  'Meta.version': 'The version the source stored (ETag); sent back as If-Match.',
  'Meta.updated': 'When the source stored it.',
  'Note.author': 'Who wrote the note.',
  'Step.done': '`true` when the step is done.',
  'Dispute.memberId': 'The member who disagrees.',
  'Handover.fromMemberId': 'Who is accountable now.',
  'Handover.toMemberId': 'Who would take over.',
  'Handover.answeredAt': 'When the proposal was agreed or disputed.',
  'Recipient.id': 'The organisation, team or member id, when known.',
  'Recipient.name': 'The name shown to the person.',
  'Decider.memberId': 'The decider\u2019s member id, when they are on the team.',
  'Decider.relation': 'Whether the person decided themselves or someone acted for them.',
  'Participant.required': '`false` for people who are welcome but not needed.',
  'Participant.response': 'The participant\u2019s answer.',
  'Participant.supportFor': 'The member this person comes to support.',
  'AgendaItem.template': 'The kind of item, from the coordination-meeting templates.',
  'AgendaItem.attendeeIds': 'Members needed for this item.',
  'Location.timeZone': 'The zone of the place.',
  'Recurrence.interval': 'Every how many weeks or months.',
  'Recurrence.until': 'Last date of the series.',
  'Recurrence.count': 'Number of occurrences.',
  'Recurrence.exceptions': 'Occurrences moved or cancelled.',
  'OccurrenceException.originalStart': 'The start the occurrence would have had.',
  'OccurrenceException.cancelled': '`true` when the occurrence does not take place.',
  'OccurrenceException.start': 'The moved start.',
  'OccurrenceException.end': 'The moved end.',
  'WorkingHours.timeZone': 'The zone the hours are in.',
};

// ---------------------------------------------------------------------------------------------
// Loading the TypeScript contract: bundle it with esbuild (zod included, so the descriptions live
// in the same registry that toJSONSchema reads) and import the bundle.

async function loadContract() {
  const esbuild = await import('esbuild');
  const entry = [
    `export * from ${JSON.stringify(join(root, 'src/contract/index.ts'))};`,
    `export { fjordvik } from ${JSON.stringify(join(root, 'src/data/fixtures/fjordvik.ts'))};`,
    `export { CHANGE_HEADERS } from ${JSON.stringify(join(root, 'src/data/http-source.ts'))};`,
    `export { toJSONSchema, globalRegistry } from 'zod/mini';`,
  ].join('\n');
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const dir = await mkdtemp(join(tmpdir(), 'care-contract-'));
  try {
    const file = join(dir, 'contract.mjs');
    await writeFile(file, result.outputFiles[0].text);
    return await import(pathToFileURL(file).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** JSDoc summaries of the exported schemas (`/** … *\/ export const Name`), as fallback descriptions. */
async function readJsDocSummaries() {
  const summaries = new Map();
  const dir = join(root, 'src/contract');
  for (const name of (await readdir(dir)).sort()) {
    if (!name.endsWith('.ts')) continue;
    const text = await readFile(join(dir, name), 'utf8');
    for (const match of text.matchAll(/\/\*\*([\s\S]*?)\*\/\s*export const (\w+)/g)) {
      summaries.set(match[2], match[1].replace(/^\s*\* ?/gm, '').replace(/\s+/g, ' ').trim());
    }
  }
  return summaries;
}

// ---------------------------------------------------------------------------------------------

const contract = await loadContract();
const jsDoc = await readJsDocSummaries();
const { toJSONSchema, globalRegistry, fjordvik, check, CHANGE_HEADERS } = contract;

const nameOf = new Map();
for (const name of [...ENTITIES, ...SUPPORTING, ...Object.keys(SCALARS)]) {
  if (!contract[name]) throw new Error(`src/contract exports no schema named ${name}`);
  nameOf.set(contract[name], name);
}
const documented = new Set([...ENTITIES, ...SUPPORTING]);
const anchor = (name) => name.toLowerCase();
const link = (name) => `[${name}](#${anchor(name)})`;
const def = (schema) => schema._zod.def;
const descriptionOf = (schema) => globalRegistry.get(schema)?.description;

/** Strips optional/default wrappers. */
function unwrap(schema) {
  let current = schema;
  let optional = false;
  let defaultValue;
  for (;;) {
    const d = def(current);
    if (d.type === 'optional') optional = true;
    else if (d.type === 'default') {
      optional = true;
      defaultValue = d.defaultValue;
    } else return { schema: current, optional, defaultValue };
    current = d.innerType;
  }
}

const checksOf = (schema) => (def(schema).checks ?? []).map((c) => c._zod.def);

function lengthNote(schema, unit) {
  const min = checksOf(schema).find((c) => c.check === 'min_length')?.minimum;
  const max = checksOf(schema).find((c) => c.check === 'max_length')?.maximum;
  if (min !== undefined && max !== undefined) return `${min}\u2013${max} ${unit}`;
  if (max !== undefined) return `at most ${max} ${unit}`;
  if (min !== undefined) return `at least ${min} ${unit.replace(/s$/, min === 1 ? '' : 's')}`;
  return '';
}

/** A readable type and its constraints for a field table. */
function describeType(schema) {
  const named = nameOf.get(schema);
  if (named && documented.has(named)) return { type: link(named), notes: [] };
  if (named) return { type: SCALARS[named], notes: [] };
  const d = def(schema);
  switch (d.type) {
    case 'string': {
      if (d.format === 'date') return { type: 'date', notes: [] };
      if (d.format === 'datetime') return { type: 'instant', notes: [] };
      if (d.format === 'url') return { type: 'URL', notes: [] };
      const notes = [lengthNote(schema, 'characters')];
      const pattern = checksOf(schema).find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern;
      if (pattern) notes.push(`pattern \`${pattern.source}\``);
      return { type: 'text', notes: notes.filter(Boolean) };
    }
    case 'enum':
      return { type: 'code', notes: [`one of ${Object.values(d.entries).map((v) => `\`${v}\``).join(', ')}`] };
    case 'boolean':
      return { type: 'boolean', notes: [] };
    case 'number': {
      const low = checksOf(schema).find((c) => c.check === 'greater_than')?.value;
      const high = checksOf(schema).find((c) => c.check === 'less_than')?.value;
      const range = low !== undefined && high !== undefined ? `${low}\u2013${high}` : '';
      return { type: d.format === 'safeint' ? 'integer' : 'number', notes: range ? [range] : [] };
    }
    case 'array': {
      const item = describeType(unwrap(d.element).schema);
      const size = lengthNote(schema, 'items');
      return { type: `list of ${item.type}`, notes: [...(size ? [size] : []), ...item.notes.map((n) => `each: ${n}`)] };
    }
    case 'object':
      return { type: 'object', notes: [] };
    default:
      return { type: d.type, notes: [] };
  }
}

/** Messages of the refinements on a schema and its unnamed parts, with the path they report. */
function refinementRules(schema, prefix = '', top = true) {
  const rules = [];
  const { schema: inner } = unwrap(schema);
  const named = nameOf.get(inner);
  if (!top && named) return rules;
  for (const check of checksOf(inner)) {
    if (check.check === 'custom' && typeof check.error === 'function') {
      const message = check.error({});
      const path = [prefix, ...(check.path ?? [])].filter(Boolean).join('.');
      if (typeof message === 'string') rules.push({ path: path || '(root)', message });
    }
  }
  const d = def(inner);
  if (d.type === 'object') {
    for (const [key, child] of Object.entries(d.shape)) rules.push(...refinementRules(child, prefix ? `${prefix}.${key}` : key, false));
  } else if (d.type === 'array') {
    rules.push(...refinementRules(d.element, `${prefix}[]`, false));
  }
  return rules;
}

const escapeCell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function fieldTable(name) {
  const shape = def(contract[name]).shape;
  const rows = ['| Field | Type | Required | Description and allowed values |', '| --- | --- | --- | --- |'];
  for (const [field, child] of Object.entries(shape)) {
    const { schema, optional, defaultValue } = unwrap(child);
    const { type, notes } = describeType(schema);
    const text = [FIELD_NOTES[`${name}.${field}`] ?? FIELD_NOTES[`*.${field}`], ...notes.map((n) => n.charAt(0).toUpperCase() + n.slice(1) + '.')];
    if (defaultValue !== undefined) text.push(`Default \`${JSON.stringify(defaultValue)}\`.`);
    rows.push(`| \`${field}\` | ${type} | ${optional ? 'no' : 'yes'} | ${escapeCell(text.filter(Boolean).join(' '))} |`);
  }
  return rows.join('\n');
}

for (const key of Object.keys(FIELD_NOTES)) {
  const [type, field] = key.split('.');
  if (type === '*') continue;
  if (!contract[type] || !(field in def(contract[type]).shape)) throw new Error(`FIELD_NOTES names ${key}, which the contract does not have`);
}

// ---------------------------------------------------------------------------------------------
// Examples from the Fjordvik fixture. Long lists are shortened; every example is checked.

const byId = (list, id) => {
  const found = list.find((item) => (item.id ?? item.memberId) === id);
  if (!found) throw new Error(`the Fjordvik fixture has no ${id}`);
  return found;
};
const team = fjordvik.team;
const shortTeam = {
  ...team,
  members: ['m-ingrid', 'm-kari', 'm-lars'].map((id) => byId(team.members, id)),
  organisations: ['org-home-care', 'org-gp'].map((id) => byId(team.organisations, id)),
};
const consentHousing = byId(fjordvik.consents, 'c-housing');
const auditExample = {
  id: 'audit-0001',
  entity: 'consent',
  entityId: consentHousing.id,
  action: 'withdraw',
  actor: consentHousing.recordedBy,
  at: consentHousing.since,
  reason: 'Withdrawn on Ingrid\u2019s behalf during a hospital stay.',
  outcome: 'saved',
};
const EXAMPLES = {
  CareRecord: {
    note: 'Shortened: the fixture has 9 members, 14 responsibilities, 6 consents and 3 meetings.',
    value: {
      team: shortTeam,
      responsibilities: [byId(fjordvik.responsibilities, 'r-goal-cooking')],
      consents: [byId(fjordvik.consents, 'c-gp')],
      meetings: [byId(fjordvik.meetings, 'mt-gp')],
      availability: [byId(fjordvik.availability, 'm-kari')],
      audit: [auditExample],
    },
  },
  CareTeam: { note: 'Shortened to 3 of its 9 members and 2 of its 6 organisations.', value: shortTeam },
  Member: { value: byId(team.members, 'm-kari') },
  Organisation: { value: byId(team.organisations, 'org-home-care') },
  ContactPoint: { value: byId(team.members, 'm-kari').contacts[0] },
  Responsibility: { value: byId(fjordvik.responsibilities, 'r-lithium') },
  ConsentDirective: { value: byId(fjordvik.consents, 'c-nav') },
  Meeting: { value: byId(fjordvik.meetings, 'mt-series') },
  Availability: { value: byId(fjordvik.availability, 'm-kari') },
  AuditEntry: { note: 'The fixture starts with an empty audit trail; this entry records the withdrawal in it.', value: auditExample },
};
for (const [name, { value }] of Object.entries(EXAMPLES)) {
  const result = check(contract[name], value);
  if (!result.ok) throw new Error(`the ${name} example breaks the contract: ${JSON.stringify(result.issues)}`);
}

/** A real validation message, produced by the contract itself. */
function validationExample() {
  const kari = byId(team.members, 'm-kari');
  const broken = {
    ...kari,
    kind: 'doctor',
    contacts: [{ channel: 'video', value: 'javascript:alert(1)' }],
    period: { start: '2026-02-30' },
  };
  const result = check(contract.Member, broken);
  if (result.ok) throw new Error('the validation example unexpectedly passed');
  return { broken, issues: result.issues };
}

// ---------------------------------------------------------------------------------------------
// Output

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** JSON for reading: small objects and lists of plain values stay on one line. */
function pretty(value, indent = '') {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Array.isArray(value) ? value.map((v) => [undefined, v]) : Object.entries(value);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  const item = ([key, v], inner) => `${key === undefined ? '' : `${JSON.stringify(key)}: `}${pretty(v, inner)}`;
  if (entries.every(([, v]) => v === null || typeof v !== 'object')) {
    const inline = `${open}${entries.map((e) => item(e, '')).join(', ')}${close}`;
    if (indent.length + inline.length <= 90) return inline.replace(/^\{(.*)\}$/, '{ $1 }');
  }
  const inner = `${indent}  `;
  return `${open}\n${entries.map((e) => `${inner}${item(e, inner)}`).join(',\n')}\n${indent}${close}`;
}

function jsonSchemaFor(name) {
  const generated = toJSONSchema(contract[name], { io: 'input' });
  const { $schema, ...rest } = generated;
  const rules = [...refinementRules(contract[name]).map(({ path, message }) => `${path}: ${message}.`), ...(CODE_RULES[name] ?? [])];
  const schema = { $schema, title: name, ...rest };
  if (rules.length) schema.$comment = `Also checked, beyond what JSON Schema can say: ${rules.join(' ').replace(/`/g, '')}`;
  return schema;
}

function sectionFor(name, level) {
  const schema = contract[name];
  const lines = [`${'#'.repeat(level)} ${name}`, ''];
  const description = descriptionOf(schema) ?? jsDoc.get(name);
  if (description) lines.push(description, '');
  if (ENTITIES.includes(name)) lines.push(`JSON Schema: [\`contract/${name}.schema.json\`](contract/${name}.schema.json)`, '');
  lines.push(fieldTable(name), '');
  const rules = [
    ...(CODE_RULES[name] ?? []),
    ...refinementRules(schema).map(({ path, message }) => `${message.charAt(0).toUpperCase()}${message.slice(1)}: refused, reported at \`${path}\`.`),
  ];
  if (rules.length) lines.push('Rules:', '', ...rules.map((rule) => `- ${rule}`), '');
  const example = EXAMPLES[name];
  if (example) {
    const note = example.note ? ` (${example.note.charAt(0).toLowerCase()}${example.note.slice(1).replace(/\.$/, '')})` : '';
    lines.push(`Example${note}:`, '', '```json', pretty(example.value), '```', '');
  }
  return lines.join('\n');
}

function markdown() {
  const { broken, issues } = validationExample();
  const valueLists = Object.entries(contract)
    .filter(([key, value]) => /^[A-Z_]+$/.test(key) && Array.isArray(value))
    .sort(([a], [b]) => a.localeCompare(b));
  const parts = [
    '# The data contract',
    '',
    '<!-- Generated by scripts/contract-docs.mjs from src/contract/. Do not edit: run `npm run contract:docs`. -->',
    '',
    'Every Care Element reads and writes the same entities: a care team with its members and',
    'organisations, responsibilities, consent directives, meetings, availability and an audit trail.',
    'This page describes each one. It is generated from the schemas in `src/contract/`, which are',
    'the single source of truth: the TypeScript types, the validation, the JSON Schema files in',
    '[`contract/`](contract/) and this page all come from them. The REST API a portal can implement',
    'is described in [`openapi.yaml`](openapi.yaml).',
    '',
    '## Two ways to give elements data',
    '',
    '- **Controlled**: the host page sets JavaScript properties (`roster.team = {...}`) and listens',
    '  to events. The page owns the data and saves it.',
    '- **Connected**: the elements sit inside `<care-context>`, which loads a whole',
    '  [CareRecord](#carerecord) from a data source (in memory, a REST API or FHIR) and saves each',
    '  change through it: a team, responsibility, consent directive or meeting is written whole.',
    '',
    'Both ways use exactly the entities below.',
    '',
    '## Unknown fields pass through',
    '',
    'Every object accepts fields the contract does not name and keeps them unchanged, so a portal',
    'can carry its own data (an internal reference, a FHIR id) through the elements and get it back',
    'in events and saves. Only the named fields are checked.',
    '',
    '## Validation messages',
    '',
    'Data is checked where it enters: when an element is given it, and when a data source loads or',
    'saves it. Nothing that breaks the contract crashes a page: the element shows what is wrong and',
    'fires `care-data-error` with a list of issues. Each issue names the path of the field, what was',
    'expected and what was found. This member, for example,',
    '',
    '```json',
    pretty({ id: broken.id, name: broken.name, kind: broken.kind, status: broken.status, contacts: broken.contacts, period: broken.period }),
    '```',
    '',
    'gives these issues:',
    '',
    '| Path | Message |',
    '| --- | --- |',
    ...issues.map((issue) => `| \`${issue.path || '(root)'}\` | ${escapeCell(issue.message + (issue.found ? ` (found ${issue.found})` : ''))} |`),
    '',
    '## Conventions',
    '',
    '| Type | Form |',
    '| --- | --- |',
    `| id | ${escapeCell(descriptionOf(contract.Id))} |`,
    `| date | ${escapeCell(descriptionOf(contract.IsoDate))} Impossible dates such as 2026-02-30 are refused. |`,
    `| instant | ${escapeCell(descriptionOf(contract.Instant))} |`,
    `| time zone | ${escapeCell(descriptionOf(contract.TimeZone))} |`,
    `| time of day | ${escapeCell(descriptionOf(contract.TimeOfDay))} |`,
    `| https URL | ${escapeCell(descriptionOf(contract.HttpsUrl))} Links with other schemes (\`javascript:\`, \`data:\`, \`http:\`) are refused. |`,
    '| text | Shown as text, never as markup. Lengths are counted in UTF-16 code units. |',
    '| code | One of a fixed list of values, listed with each field and under [Allowed values](#allowed-values). |',
    '| `meta` | Version information set by the data source ([Meta](#meta)); elements send it back unchanged. |',
    '',
    '## Entities',
    '',
    ...ENTITIES.map((name) => `- ${link(name)}`),
    '',
    ...ENTITIES.map((name) => sectionFor(name, 3)),
    '## Supporting types',
    '',
    'Parts that several entities use, or that are too small to stand alone.',
    '',
    ...SUPPORTING.map((name) => sectionFor(name, 3)),
    '## Allowed values',
    '',
    'Every list of allowed values is exported from the package (`import { CONSENT_STATES } from \'care-elements\'`).',
    '',
    '| List | Values |',
    '| --- | --- |',
    ...valueLists.map(([key, values]) => `| \`${key}\` | ${values.map((v) => `\`${v}\``).join(', ')} |`),
    '',
  ];
  return parts.join('\n');
}

const outputs = new Map();
for (const name of ENTITIES) outputs.set(join(schemaDir, `${name}.schema.json`), json(jsonSchemaFor(name)));
outputs.set(join(docsDir, 'contract.md'), markdown());

const relative = (file) => file.slice(root.length + 1);

// docs/openapi.yaml is written by hand; make sure it still names what the code sends and generates.
const openapi = await readFile(join(docsDir, 'openapi.yaml'), 'utf8').catch(() => '');
const openapiProblems = [];
for (const [, name] of openapi.matchAll(/\$ref: '\.\/contract\/(\w+)\.schema\.json'/g)) {
  if (!ENTITIES.includes(name)) openapiProblems.push(`refers to contract/${name}.schema.json, which is not generated`);
}
for (const header of Object.values(CHANGE_HEADERS)) {
  if (!openapi.includes(`name: ${header}\n`)) openapiProblems.push(`does not describe the ${header} header that HttpSource sends`);
}
if (openapiProblems.length) {
  console.error(`docs/openapi.yaml is out of step with the code:\n  ${openapiProblems.join('\n  ')}`);
  process.exit(1);
}
if (checkOnly) {
  const stale = [];
  for (const [file, text] of outputs) {
    const current = await readFile(file, 'utf8').catch(() => undefined);
    if (current === undefined) stale.push(`${relative(file)} (missing)`);
    else if (current !== text) stale.push(`${relative(file)} (differs)`);
  }
  const existing = await readdir(schemaDir).catch(() => []);
  for (const name of existing.sort()) {
    const file = join(schemaDir, name);
    if (name.endsWith('.schema.json') && !outputs.has(file)) stale.push(`${relative(file)} (no longer generated)`);
  }
  if (stale.length) {
    console.error(`The contract docs are stale; run \`npm run contract:docs\` and commit the result:\n  ${stale.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`contract docs are up to date (${outputs.size} files)`);
} else {
  await mkdir(schemaDir, { recursive: true });
  for (const name of await readdir(schemaDir)) {
    if (name.endsWith('.schema.json') && !outputs.has(join(schemaDir, name))) await rm(join(schemaDir, name));
  }
  for (const [file, text] of outputs) await writeFile(file, text);
  console.log(`wrote ${[...outputs.keys()].map(relative).join(', ')}`);
}
