// Angular 21 host: a standalone component, zoneless change detection, compiled just in time in
// the browser (there is no Angular CLI here, so `@angular/compiler` is imported first).
// - CUSTOM_ELEMENTS_SCHEMA lets the template use the care-* tags;
// - `[team]="team"` sets the DOM property `team` (objects arrive as objects);
// - `(care-consent-change)="…"` listens to the element's event by its exact name;
// - state lives in signals, so zoneless change detection sees every update;
// - esbuild emits no decorator metadata, so a component that needs a service gets it with
//   inject(), never through constructor parameters.
import '@angular/compiler';
import 'care-elements/define.js';
import {
  Component,
  CUSTOM_ELEMENTS_SCHEMA,
  enableProdMode,
  provideZonelessChangeDetection,
  signal,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import type { CareConsentChangeEvent, CareMemberSelectEvent } from 'care-elements';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.ts';

enableProdMode();

@Component({
  selector: 'app-root',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <h1>Care Elements in Angular 21</h1>
      <p>
        Angular passes the team and the consent directive as properties and listens to the elements'
        events (controlled mode, no <code>&lt;care-context&gt;</code>).
      </p>
      <div class="host-state">
        <p>What the component's signals hold, updated from the elements' events:</p>
        <p id="last-change" role="status">Last consent change: {{ lastChange() }}</p>
        <p id="last-member" role="status">Last person opened: {{ lastMember() }}</p>
      </div>
      <section aria-labelledby="sharing-title">
        <h2 id="sharing-title">Sharing</h2>
        <care-consent-toggle
          [directive]="directive()"
          [team]="team"
          actor='{"id":"m-ingrid","name":"Ingrid Solberg"}'
          heading-level="3"
          (care-consent-change)="onConsentChange($event)"
        ></care-consent-toggle>
      </section>
      <section>
        <care-team-roster
          [team]="team"
          audience="service-user"
          heading-level="2"
          (care-member-select)="onMemberSelect($event)"
        ></care-team-roster>
      </section>
    </main>
  `,
})
class HostApp {
  readonly team = fjordvik.team;
  /** Controlled mode: the component owns the directive and passes the saved one back. */
  readonly directive = signal(fjordvik.consents.find((consent) => consent.id === 'c-nav'));
  readonly lastChange = signal('none yet');
  readonly lastMember = signal('none yet');

  onConsentChange(event: Event): void {
    const { detail } = event as CareConsentChangeEvent;
    this.directive.set(detail.directive);
    this.lastChange.set(`${detail.directive.recipient.name}: ${detail.state}`);
  }

  onMemberSelect(event: Event): void {
    this.lastMember.set((event as CareMemberSelectEvent).detail.member.name);
  }
}

bootstrapApplication(HostApp, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => {
  console.error(error);
});
