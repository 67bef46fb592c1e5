// npm run contract:docs: writes docs/contract/<Entity>.schema.json (JSON Schema generated from the
// valibot schemas in src/contract/) and docs/contract.md (the prose reference, with one example per
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
  'CrisisPlan',
  'MeetingOutcome',
  'AuditEntry',
  'OverviewPage',
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
  'CrisisOwnWords',
  'PracticalMatter',
  'CrisisStagePlan',
  'CrisisMeasure',
  'CrisisContact',
  'CrisisAgreement',
  'CrisisProposal',
  'OutcomePart',
  'OutcomeDecision',
  'OutcomeAction',
  'OutcomeConfirmation',
  'OutcomeQuestion',
  'OverviewQuery',
  'GapCount',
  'OverviewRow',
  'OverviewChoice',
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
  MeetingOutcome: [
    'Part ids are unique (`parts[i].id`); decision and task ids are unique within a part, and task ids across parts too (`parts[i].actions[j].id`).',
    'Each member confirms at most once (`confirmations[i].memberId`); question ids are unique (`questions[i].id`).',
    'A shared outcome says when it was shared (`sharedAt`).',
    'A task that reaches the matrix names both the responsibility and what it does to it (`responsibilityId` with `effect`).',
    'Tasks owned by someone not on the team, parts naming an agenda item the meeting lacks, tasks naming a responsibility the matrix lacks and unanswered questions are accepted and flagged (`meetingOutcomeFlags`).',
  ],
};

/** What a field means, where its name and type do not say it all. Keyed `Type.field`. */
const FIELD_NOTES = {
  'PracticalMatter.topic': 'What it is about: children, pets, keys, bills, work or something else.',
  'PracticalMatter.text': 'Who sees to it, and how, in the person\u2019s words.',
  'CrisisMeasure.text': 'What is done, in a short sentence.',
  'CrisisContact.name': 'The name to show, for someone who is not on the team or to override the team\u2019s name.',
  'CrisisContact.note': 'A short note, for example when to call.',
  'CrisisAgreement.memberId': 'The member who confirmed.',
  'CrisisAgreement.name': 'Their name, as recorded.',
  'CrisisAgreement.at': 'When they confirmed.',
  'CrisisProposal.at': 'When it was proposed.',
  'CrisisProposal.stage': 'The stage the measure is for.',
  'CrisisProposal.note': 'Why, in the proposer\u2019s words.',
  'CrisisProposal.status': 'Whether the person has not answered yet, accepted or declined.',
  'CrisisProposal.answeredAt': 'When the person answered.',
  'CareRecord.crisisPlans': 'The person\u2019s crisis plans, as the reader may see them.',
  'CareRecord.meetingOutcomes': 'What meetings decided, and who has read it, as the reader may see them.',
  'MeetingOutcome.meetingId': 'The meeting it records.',
  'MeetingOutcome.occurrenceStart': 'For a series: the start of the occurrence it records.',
  'MeetingOutcome.status': '`draft` while the coordinator writes it (only they see it), `shared` once participants may read it.',
  'MeetingOutcome.version': 'The version of what was agreed, counted from 1 (left out: 1). A change to the parts of a shared outcome makes a new version, so confirmations of an earlier one show as read before the change.',
  'MeetingOutcome.parts': 'One per agenda part, in the meeting\u2019s order.',
  'MeetingOutcome.confirmations': 'Who has said \u201cI have read this\u201d, and when; one per member, never removed by someone else\u2019s save.',
  'MeetingOutcome.questions': 'Questions to the coordinator, oldest first.',
  'MeetingOutcome.recordedBy': 'Who recorded the outcome (the coordinator).',
  'MeetingOutcome.sharedAt': 'When it was shared with the participants.',
  'OutcomePart.agendaItemId': 'The agenda item this part records; without it the part covers the whole meeting.',
  'OutcomePart.title': 'A heading for a part without an agenda item, or to override the item\u2019s title.',
  'OutcomePart.notes': 'What was said, in plain language.',
  'OutcomePart.decisions': 'What was decided.',
  'OutcomePart.actions': 'What is to be done, by whom and by when.',
  'OutcomePart.categories': 'The kinds of information the part holds; a professional reads it only under a consent covering each for their organisation (none listed counts as `care-plan`).',
  'OutcomePart.withheld': '`true` when the source left the content out because the reader may not see it.',
  'OutcomeDecision.text': 'The decision, in one plain sentence.',
  'OutcomeAction.text': 'What is to be done, in a short sentence.',
  'OutcomeAction.ownerId': 'The member who owns the task.',
  'OutcomeAction.due': 'When it is to be done.',
  'OutcomeAction.responsibilityId': 'The responsibility in the matrix the action proposes or hands over, by reference.',
  'OutcomeAction.effect': '`new-responsibility`: the action proposed that responsibility; `hand-over`: it proposed handing it to the owner.',
  'OutcomeConfirmation.memberId': 'The member who confirmed.',
  'OutcomeConfirmation.name': 'Their name, as recorded.',
  'OutcomeConfirmation.at': 'When they confirmed.',
  'OutcomeConfirmation.version': 'The version of the outcome they read (left out: 1); one older than the outcome\u2019s `version` was read before the last change.',
  'OutcomeQuestion.memberId': 'The member who asked.',
  'OutcomeQuestion.name': 'Their name, as recorded.',
  'OutcomeQuestion.at': 'When they asked.',
  'OutcomeQuestion.partId': 'The part the question is about, if one.',
  'OutcomeQuestion.text': 'The question, in the asker\u2019s words.',
  'OutcomeQuestion.answer': 'The coordinator\u2019s answer.',
  'OutcomeQuestion.answeredAt': 'When it was answered.',
  'OutcomeQuestion.answeredBy': 'Who answered.',
  '*.id': 'Its id, unique among its kind.',
  'AuditEntry.entity': 'The kind of thing that was changed.',
  'AuditEntry.failure': 'Why a change that was not saved (or saved only in part) failed, as a category.',
  'AuditEntry.changeId': 'The change this entry is about; every attempt of one change (its Try again) carries the same id.',
  'Period.start': 'First day; open when left out.',
  'Period.end': 'Last day; a missing end means still going on.',
  'Hours.days': 'The weekdays these hours apply to.',
  'Hours.opens': 'When it opens, local time of the team.',
  'Hours.closes': 'When it closes; after `opens`.',
  'ContactPoint.channel': 'How to reach them: phone, SMS, video, secure message or e-mail.',
  'Actor.name': 'The person\u2019s name, as recorded on the change.',
  'Recipient.kind': 'Whether the recipient is an organisation, the whole team or one person.',
  'Decider.name': 'The name of the person who decided.',
  'ConsentHistoryEntry.state': 'The decision recorded at that time.',
  'ConsentHistoryEntry.at': 'When it was decided.',
  'ConsentHistoryEntry.decidedBy': 'Who decided: the person, or someone acting for them.',
  'ConsentHistoryEntry.recordedBy': 'Who recorded the decision.',
  'ConsentHistoryEntry.method': 'How the decision was given.',
  'ConsentHistoryEntry.note': 'Free text about the decision.',
  'Interval.start': 'When it starts.',
  'Interval.end': 'When it ends; after `start`.',
  'Participant.memberId': 'The member invited.',
  'AgendaItem.title': 'What the item is about, in plain language.',
  'AgendaItem.start': 'When the item starts.',
  'AgendaItem.end': 'When the item ends; after `start`.',
  'Recurrence.frequency': 'Whether the series repeats weekly or monthly.',
  'Location.name': 'The name of the place, for example a room or an office.',
  'Location.address': 'The street address.',
  'Meeting.title': 'What the meeting is called, in plain language.',
  'Meeting.kind': 'The kind of meeting, for example a responsibility-group meeting.',
  'Meeting.mode': 'In person, digital or hybrid.',
  'Meeting.participants': 'Who is invited, with whether they are needed and their answer.',
  'Meeting.status': 'Whether the meeting is proposed, booked, cancelled or held.',
  'WorkingHours.days': 'The weekdays these hours apply to.',
  'WorkingHours.opens': 'When the working day starts.',
  'WorkingHours.closes': 'When the working day ends; after `opens`.',
  'Availability.memberId': 'The member these times are for.',
  'CareRecord.responsibilities': 'Who does what: tasks and areas of care with each member\u2019s part.',
  'CareRecord.consents': 'The person\u2019s consent directives, one per permission.',
  'CareRecord.meetings': 'The team\u2019s meetings, single and series.',
  'CareRecord.availability': 'When members are busy, and their working hours, for planning meetings.',
  'Assignment.memberId': 'The member who has this part.',
  'Assignment.part': 'Accountable (owns it), responsible (does it), consulted (is asked) or informed (is told).',
  'Note.at': 'When the note was written.',
  'Note.text': 'The note, shown as plain text.',
  'Step.title': 'What the step is, in plain language.',
  'Handover.status': 'Whether the proposal is waiting, agreed or disputed.',
  'Handover.proposedAt': 'When it was proposed.',
  'Handover.proposedBy': 'Who proposed it.',
  'Handover.comment': 'Why, in the proposer\u2019s words.',
  'Dispute.reason': 'Why they disagree, in their words.',
  'Dispute.at': 'When the disagreement was raised.',
  'Responsibility.title': 'What the task or area is, in plain language.',
  'Responsibility.area': 'The area of care it belongs to, for example medication or housing.',
  'Responsibility.description': 'More about it, in plain language.',
  'Responsibility.status': 'Whether it is proposed, agreed, disputed or ended.',
  'Organisation.name': 'The organisation\u2019s name, as the person knows it.',
  'Organisation.sector': 'The sector it belongs to: municipal, general practice, specialist, and so on.',
  'Organisation.contacts': 'How to reach the organisation.',
  'Member.kind': 'Who the member is to the person: the service user, a professional, next of kin, and so on.',
  'Member.contacts': 'Ways to reach the member.',
  'Member.status': 'Whether the member is proposed, active on the team, or has left.',
  'CareTeam.status': 'Whether the team itself is working: proposed, active, suspended or inactive.',
  'CareTeam.members': 'Everyone on the team, the service user included.',
  'CareTeam.organisations': 'The organisations members act for.',
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
  'CrisisPlan.version': 'The plan\u2019s edition, counted from 1; printed on every copy. Saving a change to the content makes a new version.',
  'CrisisPlan.withheld': '`true` when the source left the content out because the reader may not see it; the element then shows only that the plan exists and whom to ask.',
  'CrisisPlan.draft': '`true` while the plan is still being made: it is not agreed, and nobody may act on it as agreed. The confirmation that completes the agreement (the person and the coordinator on the current version) ends the draft.',
  'CrisisPlan.ownWords': 'The person\u2019s own words, which come first.',
  'CrisisPlan.stages': 'Each stage once, in the order early signs, getting worse, crisis.',
  'CrisisPlan.agreedBy': 'Who confirmed which version: the person and the coordinator.',
  'CrisisPlan.proposals': 'Measures professionals proposed, waiting for the person or answered.',
  'CrisisPlan.validFrom': 'First day this version applies.',
  'CrisisPlan.nextReview': 'When the plan is to be looked at again; a plan past it says so.',
  'CrisisOwnWords.earlyWarningSigns': 'Signs that a bad period is coming, one short sentence each.',
  'CrisisOwnWords.triggers': 'What tends to set off a bad period.',
  'CrisisOwnWords.helps': 'What helps.',
  'CrisisOwnWords.doesNotHelp': 'What does not help.',
  'CrisisOwnWords.practical': 'Children, pets, keys, bills, work: who sees to what.',
  'CrisisOwnWords.treatmentWishes': 'Wishes for treatment.',
  'CrisisOwnWords.whoIsTold': 'Wishes for who is told, and who is not.',
  'CrisisStagePlan.id': 'The stage.',
  'CrisisStagePlan.signs': 'How this stage shows.',
  'CrisisStagePlan.measures': 'What is done at this stage, and by whom.',
  'CrisisStagePlan.contacts': 'Whom to contact, first to last.',
  'CrisisMeasure.memberIds': 'Members who do it (the person\u2019s own id for what they do themselves).',
  'CrisisMeasure.responsibilityIds': 'Responsibilities of the matrix this measure carries out.',
  'CrisisContact.memberId': 'A member of the team; name and phone come from the team unless given here.',
  'CrisisContact.phone': 'The number to call; for a member, their phone in the team by default.',
  'CrisisContact.hours': 'When the number answers; outside them, the out-of-hours contact is named.',
  'CrisisContact.outOfHoursName': 'Whom to call outside the hours (for example the emergency clinic).',
  'CrisisContact.outOfHoursPhone': 'Their number.',
  'CrisisAgreement.version': 'The plan version confirmed.',
  'CrisisProposal.by': 'Who proposed it.',
  'CrisisProposal.measure': 'The measure that is added to the stage if the person accepts.',
  'CrisisProposal.answeredBy': 'Who answered (the person, or someone recording their answer).',
  'AuditEntry.entityId': 'The id of the changed entity.',
  'AuditEntry.action': 'What was done, in one word: `assign`, `grant`, `withdraw`, `book`, \u2026',
  'AuditEntry.actor': 'Who did it, and the organisation they acted for.',
  'AuditEntry.at': 'When it was tried.',
  'AuditEntry.reason': 'Why, in the user\u2019s words, when they gave one.',
  'AuditEntry.outcome': '`saved`; `partly-saved` (part of the change was stored and the rest failed: `failure` says why, `notSaved` what); `failed` (nothing was saved); `vetoed` (stopped by the host page); `rejected` (the host page\u2019s own step refused it).',
  'AuditEntry.notSaved': 'For `partly-saved`: what was not stored, each a place in the entity, with list items named by their identity: `["questions", "q-7", "answer"]` (the answer to question q-7), `["confirmations", "m-lars"]`.',
  'Actor.id': 'The member id of the person, when they are on the team.',
  'Actor.organisationId': 'The organisation they acted for.',
  'Role.code': 'A code, for example SNOMED CT 768821004 for a care team coordinator.',
  'Role.system': 'The code system, for example http://snomed.info/sct.',
  'Role.label': 'Plain-language label shown to the service user.',
  'Role.professionalLabel': 'Label shown to professionals ("General practitioner", "Brother (next of kin)"). Without it a professional reader sees `label`, so write `label` in the third person when no professional label is given.',
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
  'GapCount.gap': 'The gap counted.',
  'GapCount.count': 'How many the server found; absent when the source cannot count this gap.',
  'OverviewRow.teamId': 'The care team the row is about.',
  'OverviewRow.personId': 'The service user\u2019s reference, filled into the host\u2019s link template and shown when there is no name.',
  'OverviewRow.name': 'The service user\u2019s name, only where the server lets the viewer see it.',
  'OverviewRow.organisationId': 'The organisation that holds the coordination (the coordinator\u2019s, or the team\u2019s lead service).',
  'OverviewRow.organisationName': 'That organisation\u2019s name.',
  'OverviewRow.sector': 'That organisation\u2019s sector.',
  'OverviewRow.coordinatorName': 'The coordinator\u2019s name; absent when there is none.',
  'OverviewRow.subject': 'What the row is about within the team: the responsibility\u2019s title, or the member who needs information.',
  'OverviewRow.reason': 'Why it is listed, where a gap has more than one way in.',
  'OverviewRow.date': 'The date that matters: the last meeting, the review date passed, or when a handover was proposed.',
  'OverviewChoice.name': 'The name to show in the filter.',
  'OverviewChoice.sector': 'The organisation\u2019s sector (organisations only).',
  'OverviewQuery.gap': 'The gap whose rows are wanted.',
  'OverviewQuery.sector': 'Only teams whose organisation is in this sector.',
  'OverviewQuery.organisationId': 'Only teams held by this organisation.',
  'OverviewQuery.coordinatorId': 'Only teams of this coordinator.',
  'OverviewQuery.months': 'How many months without a responsibility-group meeting count as the gap `no-meeting`.',
  'OverviewQuery.page': 'Which page of rows, counted from 1.',
  'OverviewQuery.pageSize': 'Rows per page.',
  'OverviewPage.counts': 'Every gap with its count under the filters, in the order of `OVERVIEW_GAPS`.',
  'OverviewPage.gap': 'The gap the rows belong to.',
  'OverviewPage.total': 'How many rows the gap has under the filters, over all pages.',
  'OverviewPage.page': 'The page given, counted from 1.',
  'OverviewPage.pageSize': 'Rows per page.',
  'OverviewPage.items': 'The rows of this page.',
  'OverviewPage.organisations': 'The organisations the viewer may filter by.',
  'OverviewPage.coordinators': 'The coordinators the viewer may filter by.',
  'OverviewPage.asOf': 'The day the server counted on.',
};

// ---------------------------------------------------------------------------------------------
// Loading the TypeScript contract: bundle it with esbuild and import the bundle.

async function loadContract() {
  const esbuild = await import('esbuild');
  const entry = [
    `export * from ${JSON.stringify(join(root, 'src/contract/index.ts'))};`,
    `export { fjordvik } from ${JSON.stringify(join(root, 'src/data/fixtures/fjordvik.ts'))};`,
    `export { CHANGE_HEADERS } from ${JSON.stringify(join(root, 'src/data/http-source.ts'))};`,
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

/**
 * The descriptions of the exported schemas: their JSDoc (`/** … *\/ export const Name`) up to the first
 * block tag (`@remarks`, `@example`), which stays for editors. They live in comments, not in the
 * schemas, so the elements' bundles do not carry them.
 */
async function readJsDocSummaries() {
  const summaries = new Map();
  const dir = join(root, 'src/contract');
  for (const name of (await readdir(dir)).sort()) {
    if (!name.endsWith('.ts')) continue;
    const text = await readFile(join(dir, name), 'utf8');
    for (const match of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*?)\*\/\s*export const (\w+)/g)) {
      summaries.set(match[2], match[1].replace(/^\s*\* ?/gm, '').split(/^@\w/m)[0].replace(/\s+/g, ' ').trim());
    }
  }
  return summaries;
}

// ---------------------------------------------------------------------------------------------

const contract = await loadContract();
const jsDoc = await readJsDocSummaries();
const { fjordvik, check, CHANGE_HEADERS } = contract;

const nameOf = new Map();
for (const name of [...ENTITIES, ...SUPPORTING, ...Object.keys(SCALARS)]) {
  if (!contract[name]) throw new Error(`src/contract exports no schema named ${name}`);
  nameOf.set(contract[name], name);
}
const documented = new Set([...ENTITIES, ...SUPPORTING]);

/** Each exported schema with a JSDoc description, and that description. */
const described = new Map(
  Object.entries(contract)
    .filter(([name, value]) => value?.kind === 'schema' && jsDoc.has(name))
    .map(([name, value]) => [value, jsDoc.get(name)]),
);
const anchor = (name) => name.toLowerCase();
const link = (name) => `[${name}](#${anchor(name)})`;

// ---------------------------------------------------------------------------------------------
// Reading valibot schemas. A schema with rules is a pipe: the schema first, then its actions
// (checks, rules, description, metadata), and that schema may be a pipe itself (RequiredText is
// Text with more checks). `def` describes a schema in a few kinds the rest of this script reads.

/** Every action of a schema's pipes, innermost first. */
const actionsOf = (schema) => (schema.pipe ? [...actionsOf(schema.pipe[0]), ...schema.pipe.slice(1)] : []);

const FORMATS = { iso_date: 'date', iso_timestamp: 'datetime', url: 'url' };

/** What kind a schema is, and its parts: `optional`, `default`, `string`, `enum`, `boolean`, `number`, `array`, `object`. */
function def(schema) {
  switch (schema.type) {
    case 'optional':
      return schema.default === undefined
        ? { type: 'optional', innerType: schema.wrapped }
        : { type: 'default', innerType: schema.wrapped, defaultValue: typeof schema.default === 'function' ? schema.default() : schema.default };
    case 'string':
      return { type: 'string', format: actionsOf(schema).map((action) => FORMATS[action.type]).find(Boolean) };
    case 'picklist':
      return { type: 'enum', entries: schema.options };
    case 'custom':
      // The contract's only custom schema is `int`, a whole number in the safe range.
      return { type: 'number', format: 'safeint' };
    case 'array':
      return { type: 'array', element: schema.item };
    case 'loose_object':
      return { type: 'object', shape: schema.entries };
    default:
      return { type: schema.type };
  }
}

/** The checks of a schema: lengths, number limits, patterns, and rules with their message and the field they report. */
const checksOf = (schema) =>
  actionsOf(schema).flatMap((action) => {
    switch (action.type) {
      case 'min_length':
        return [{ check: 'min_length', minimum: action.requirement }];
      case 'max_length':
        return [{ check: 'max_length', maximum: action.requirement }];
      case 'min_value':
        return [{ check: 'greater_than', value: action.requirement }];
      case 'max_value':
        return [{ check: 'less_than', value: action.requirement }];
      case 'regex':
        return [{ check: 'string_format', format: 'regex', pattern: action.requirement }];
      case 'iso_date':
      case 'iso_timestamp':
        return [{ check: 'string_format', format: FORMATS[action.type], pattern: action.requirement }];
      case 'check':
        return [{ check: 'custom', message: action.message, path: action.key === undefined ? undefined : [action.key] }];
      default:
        return [];
    }
  });

/** A schema's description: its own JSDoc, else that of the schema its pipe starts from. */
const descriptionOf = (schema) => described.get(schema) ?? (schema.pipe ? descriptionOf(schema.pipe[0]) : undefined);
const metadataOf = (schema) => Object.assign({}, ...actionsOf(schema).filter((action) => action.type === 'metadata').map((action) => action.metadata));

/** JSON Schema (draft 2020-12) of what a host may write: defaults make a field optional. */
function toJsonSchema(schema) {
  const d = def(schema);
  if (d.type === 'default') return { default: d.defaultValue, ...toJsonSchema(d.innerType) };
  if (d.type === 'optional') return toJsonSchema(d.innerType);
  const checks = checksOf(schema);
  const min = checks.find((c) => c.check === 'min_length')?.minimum;
  const max = checks.find((c) => c.check === 'max_length')?.maximum;
  const json = {};
  switch (d.type) {
    case 'string': {
      json.type = 'string';
      if (min !== undefined) json.minLength = min;
      if (max !== undefined) json.maxLength = max;
      if (d.format) json.format = { date: 'date', datetime: 'date-time', url: 'uri' }[d.format];
      const pattern = checks.find((c) => c.check === 'string_format')?.pattern;
      if (pattern) json.pattern = pattern.source;
      break;
    }
    case 'enum':
      json.type = 'string';
      json.enum = [...d.entries];
      break;
    case 'boolean':
      json.type = 'boolean';
      break;
    case 'number':
      json.type = 'integer';
      json.minimum = Math.max(-Number.MAX_SAFE_INTEGER, ...checks.filter((c) => c.check === 'greater_than').map((c) => c.value));
      json.maximum = Math.min(Number.MAX_SAFE_INTEGER, ...checks.filter((c) => c.check === 'less_than').map((c) => c.value));
      break;
    case 'array':
      if (min !== undefined) json.minItems = min;
      if (max !== undefined) json.maxItems = max;
      json.type = 'array';
      json.items = toJsonSchema(d.element);
      break;
    case 'object': {
      json.type = 'object';
      json.properties = Object.fromEntries(Object.entries(d.shape).map(([key, child]) => [key, toJsonSchema(child)]));
      const required = Object.entries(d.shape).filter(([, child]) => !['optional', 'default'].includes(def(child).type)).map(([key]) => key);
      if (required.length) json.required = required;
      json.additionalProperties = {};
      break;
    }
    default:
      throw new Error(`no JSON Schema for a ${d.type} schema`);
  }
  const description = descriptionOf(schema);
  if (description) json.description = description;
  return Object.assign(json, metadataOf(schema));
}

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
    if (check.check === 'custom') {
      const { message } = check;
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
  CrisisPlan: { note: 'Shortened to its first stage.', value: { ...fjordvik.crisisPlans[0], stages: fjordvik.crisisPlans[0].stages.slice(0, 1) } },
  MeetingOutcome: { note: 'Shortened to its third part.', value: { ...fjordvik.meetingOutcomes[0], parts: fjordvik.meetingOutcomes[0].parts.slice(2, 3) } },
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

/** Adds each field's FIELD_NOTES text to its JSON Schema property, before any format description it has. */
function describeFields(json, schema) {
  const { schema: inner } = unwrap(schema);
  const d = def(inner);
  if (d.type === 'array' && json.items) describeFields(json.items, d.element);
  if (d.type !== 'object' || !json.properties) return json;
  const name = nameOf.get(inner);
  for (const [field, child] of Object.entries(d.shape)) {
    const property = json.properties[field];
    if (!property) continue;
    const note = name && (FIELD_NOTES[`${name}.${field}`] ?? FIELD_NOTES[`*.${field}`]);
    if (note) property.description = property.description && !documented.has(nameOf.get(unwrap(child).schema)) ? `${note} ${property.description}` : note;
    describeFields(property, child);
  }
  return json;
}

function jsonSchemaFor(name) {
  const rest = describeFields(toJsonSchema(contract[name]), contract[name]);
  const $schema = 'https://json-schema.org/draft/2020-12/schema';
  const rules = [...refinementRules(contract[name]).map(({ path, message }) => `${path}: ${message}.`), ...(CODE_RULES[name] ?? [])];
  const schema = { $schema, title: name, ...rest };
  if (rules.length) schema.$comment = `Also checked, beyond what JSON Schema can say: ${rules.join(' ').replace(/`/g, '')}`;
  return schema;
}

function sectionFor(name, level) {
  const schema = contract[name];
  const lines = [`${'#'.repeat(level)} ${name}`, ''];
  const description = descriptionOf(schema);
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
    '## TypeScript types',
    '',
    'Each entity below has a TypeScript type of the same name (`import type { Member } from',
    "'care-elements'`), with every field's description from this page as its JSDoc, so an editor",
    'shows it on hover. It is what the contract gives back, with defaults filled in. Where a field',
    'has a default, an `…Input` type says what a host may write: `CareRecordInput`, `CareTeamInput`,',
    `${[...ENTITIES, ...SUPPORTING].filter((name) => hasDefault(contract[name]) && !['CareRecord', 'CareTeam'].includes(name)).map((name) => `\`${name}Input\``).join(', ')}.`,
    'The types name only the fields of the contract, so TypeScript refuses a misspelt key in an',
    'object literal (`{ naem: \'Kari\' }`); a field of your own is passed through at run time and',
    'needs a type of your own (`Member & { hprNumber: string }`).',
    '',
    '## Validation messages',
    '',
    'Data is checked where it enters: when an element is given it, and when a data source loads or',
    'saves it. Nothing that breaks the contract crashes a page: the element shows what is wrong and',
    'fires `care-data-error` with a list of issues. A loaded record is checked item by item: a broken',
    'meeting, consent or other list item is left out and named, and the rest is shown; only a broken',
    'team fails the load (see [embedding](embedding.md#configuring-the-rest-and-fhir-sources-without-a-bundler)).',
    'Each issue names the path of the field, what was expected and what was found. This member, for',
    'example,',
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

// ---------------------------------------------------------------------------------------------
// TypeScript types with a JSDoc line on every field, written into the contract's own files
// between the markers below, so editors show each field's meaning on hover and in the published
// declarations (valibot's inferred types carry no field docs into .d.ts files). Each entity gets a
// type of what the contract gives back (defaults filled in) and, where defaults may be left
// out, an `…Input` type of what a host may write. Object types, not interfaces, so they fit where
// valibot's own inferred types are expected; neither has an index signature, so a misspelt key in an
// object literal is a type error. Unknown fields still pass through at run time.
// test/contract/types.check.ts proves each type equal to the schema's own inferred type.

const TYPES_START = '// <generated-types> by scripts/contract-docs.mjs from the schemas above and FIELD_NOTES: do not edit.';
const TYPES_END = '// </generated-types>';

/** Literal lists with a type of their own (`export type Sector = (typeof SECTORS)[number]`). */
const listTypes = new Map();
/** The contract file each of those types is declared in. */
const listHome = new Map();
for (const name of (await readdir(join(root, 'src/contract'))).filter((file) => file.endsWith('.ts'))) {
  const text = await readFile(join(root, 'src/contract', name), 'utf8');
  for (const [, type, list] of text.matchAll(/export type (\w+) = \(typeof (\w+)\)\[number\];/g)) {
    listTypes.set(JSON.stringify(contract[list]), type);
    listHome.set(type, name);
  }
}

const SCALAR_HINTS = {
  Id: 'An id (1\u2013200 characters).',
  IsoDate: 'A date, `YYYY-MM-DD`.',
  Instant: 'An instant, ISO 8601 with `Z` or an offset.',
  TimeZone: 'An IANA time zone, for example `Europe/Oslo`.',
  TimeOfDay: '`HH:mm`, 24-hour clock.',
  HttpsUrl: 'An `https://` address.',
};

/** Whether a schema (or anything it holds) has a default, so its input type differs from its output. */
function hasDefault(schema, seen = new Set()) {
  if (seen.has(schema)) return false;
  seen.add(schema);
  const d = def(schema);
  if (d.type === 'default') return true;
  if (d.type === 'optional') return hasDefault(d.innerType, seen);
  if (d.type === 'array') return hasDefault(d.element, seen);
  if (d.type === 'object') return Object.values(d.shape).some((child) => hasDefault(child, seen));
  return false;
}
const typeNames = [...ENTITIES, ...SUPPORTING];
const withInput = new Set(typeNames.filter((name) => hasDefault(contract[name])));

/** The TypeScript type of a schema, naming entities and value lists. */
function tsType(schema, input) {
  const named = nameOf.get(schema);
  if (named && documented.has(named)) return input && withInput.has(named) ? `${named}Input` : named;
  const d = def(schema);
  switch (d.type) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'enum': {
      const values = Object.values(d.entries);
      return listTypes.get(JSON.stringify(values)) ?? values.map((value) => JSON.stringify(value).replace(/"/g, "'")).join(' | ');
    }
    case 'array': {
      const item = tsType(unwrap(d.element).schema, input);
      return /[ |]/.test(item) ? `Array<${item}>` : `${item}[]`;
    }
    default:
      throw new Error(`no TypeScript type for a ${d.type} schema`);
  }
}

const missingNotes = [];

/** One field's JSDoc: what it means, then its format, limits and default. */
function fieldDoc(name, field, child) {
  const note = FIELD_NOTES[`${name}.${field}`] ?? FIELD_NOTES[`*.${field}`];
  if (!note) missingNotes.push(`${name}.${field}`);
  const { schema, defaultValue } = unwrap(child);
  const named = nameOf.get(schema) ?? nameOf.get(def(schema).type === 'array' ? unwrap(def(schema).element).schema : undefined);
  const parts = [note];
  if (named && SCALAR_HINTS[named]) parts.push(def(schema).type === 'array' ? `Each: ${SCALAR_HINTS[named].charAt(0).toLowerCase()}${SCALAR_HINTS[named].slice(1)}` : SCALAR_HINTS[named]);
  const { notes } = describeType(schema);
  for (const extra of notes) if (!/^one of |^each: one of /.test(extra)) parts.push(`${extra.charAt(0).toUpperCase()}${extra.slice(1)}.`);
  if (defaultValue !== undefined) parts.push(`Default \`${JSON.stringify(defaultValue)}\`.`);
  return parts.join(' ').replace(/\*\//g, '*\\/');
}

/** The object type of one schema, as output (`Member`) or as input (`MemberInput`). */
function interfaceFor(name, input) {
  const summary = (descriptionOf(contract[name]) ?? name).replace(/\*\//g, '*\\/');
  const lead = input ? `${summary}\n\nAs a host may write it: fields with a default may be left out.` : summary;
  const lines = ['/**', ...wrapLines(lead).map((line) => ` *${line ? ` ${line}` : ''}`), ' */', `export type ${name}${input ? 'Input' : ''} = {`];
  for (const [field, child] of Object.entries(def(contract[name]).shape)) {
    const { schema, optional } = unwrap(child);
    const optionalHere = input ? optional : optional && def(child).type !== 'default';
    lines.push(`  /** ${fieldDoc(name, field, child)} */`);
    lines.push(`  ${field}${optionalHere ? '?' : ''}: ${tsType(schema, input)};`);
  }
  lines.push('};');
  return lines.join('\n');
}

/** Text wrapped at about 100 characters, for doc comments. */
function wrapLines(text) {
  const out = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + word.length + 1 > 96) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

/** The contract file each schema is declared in. */
const homeOf = new Map();
for (const file of (await readdir(join(root, 'src/contract'))).filter((name) => name.endsWith('.ts'))) {
  for (const [, name] of (await readFile(join(root, 'src/contract', file), 'utf8')).matchAll(/^export const (\w+)(?:: \w+)? = /gm)) homeOf.set(name, file);
}

for (const file of (await readdir(join(root, 'src/contract'))).filter((name) => name.endsWith('.ts')).sort()) {
  const path = join(root, 'src/contract', file);
  const text = await readFile(path, 'utf8');
  const start = text.indexOf(TYPES_START);
  if (start === -1) continue;
  const end = text.indexOf(TYPES_END, start);
  if (end === -1) throw new Error(`src/contract/${file} opens generated types without closing them`);
  const declared = [...text.matchAll(/^export const (\w+)(?:: \w+)? = /gm)].map((match) => match[1]).filter((name) => typeNames.includes(name));
  const blocks = declared.flatMap((name) => [interfaceFor(name, false), ...(withInput.has(name) ? [interfaceFor(name, true)] : [])]);
  const body = blocks.join('\n\n');
  const valueTypes = [...new Set(listTypes.values())].filter((type) => new RegExp(`: (Array<)?${type}\\b`).test(body)).sort();
  // Value types come from the file that declares them; those declared in this file need no import.
  const importLines = [];
  const byHome = new Map();
  for (const type of valueTypes.filter((type) => listHome.get(type) !== file)) {
    const home = listHome.get(type);
    if (!byHome.has(home)) byHome.set(home, []);
    byHome.get(home).push(type);
  }
  for (const [home, types] of [...byHome].sort()) importLines.push(`import type { ${types.join(', ')} } from './${home.replace(/\.ts$/, '.js')}';`);
  // Input types of entities declared in other files of the contract.
  const elsewhere = new Map();
  for (const [, used] of body.matchAll(/: (?:Array<)?(\w+Input)\b/g)) {
    const base = used.replace(/Input$/, '');
    if (declared.includes(base)) continue;
    const home = homeOf.get(base);
    if (!elsewhere.has(home)) elsewhere.set(home, new Set());
    elsewhere.get(home).add(used);
  }
  for (const [home, names] of [...elsewhere].sort()) importLines.push(`import type { ${[...names].sort().join(', ')} } from './${home.replace(/\.ts$/, '.js')}';`);
  const imports = importLines.length ? `${importLines.join('\n')}\n\n` : '';
  outputs.set(path, `${text.slice(0, start)}${TYPES_START}\n\n${imports}${body}\n${text.slice(end)}`);
}
if (missingNotes.length) throw new Error(`FIELD_NOTES has no text for ${[...new Set(missingNotes)].join(', ')}: every contract field is documented`);

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
