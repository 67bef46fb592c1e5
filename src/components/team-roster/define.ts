import { CareTeamRoster } from './team-roster.js';

if (!customElements.get('care-team-roster')) customElements.define('care-team-roster', CareTeamRoster);

declare global {
  interface HTMLElementTagNameMap {
    'care-team-roster': CareTeamRoster;
  }
}
