/**
 * The planning form and everything only it needs (the draft and its rules, finding free times,
 * series editing, the date picker), in one chunk that loads when a form first opens: a booked
 * meeting or an answer to an invitation never fetches it.
 */
import '../date-picker/define.js';

export { draftFromMeeting, draftProblems, meetingFromDraft, newDraft } from './draft.js';
export { draftEdits } from './draft-edits.js';
export { draftWarnings } from './draft-warnings.js';
export { renderPlanner } from './planner.js';
export { FreeTimes } from './planning-model.js';
export { mergeEntity } from '../../data/merge.js';
