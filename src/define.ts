/**
 * Registers every Care Elements tag. The single-file bundle is built from this module.
 * Each element's own `define.js` can be imported instead to register just that one.
 */
import './context/define.js';
import './components/team-roster/define.js';
import './components/consent-list/define.js'; // registers care-consent-list and care-consent-toggle
import './components/meeting-scheduler/define.js';
import './components/date-picker/define.js'; // also used by the scheduler's forms, which load it on first use when imported alone
import './components/responsibility-matrix/define.js';
import './components/crisis-plan/define.js';
import './components/coordination-overview/define.js';
import './components/meeting-outcomes/define.js';

// Named so that a page without a bundler can import it from the single-file bundle.
export { configureRequests } from './context/request-defaults.js';
