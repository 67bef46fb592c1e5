// React 19 host. React 19 treats custom elements as first-class:
// - a prop whose name is a property of the element (`team`, `directive`) is set as that property,
//   so objects arrive as objects (the tags must be registered before React renders, which the
//   import of care-elements/define.js at the top does);
// - a prop `on<event-name>` with a function adds an event listener for exactly `<event-name>`,
//   so `oncare-consent-change` listens to `care-consent-change` (case and hyphens kept).
import 'care-elements/define.js';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.ts';

const team = fjordvik.team;
const initialDirective = fjordvik.consents.find((consent) => consent.id === 'c-nav');

function App() {
  // Controlled mode: React state owns the directive and passes the saved one back.
  const [directive, setDirective] = useState(initialDirective);
  const [lastChange, setLastChange] = useState('none yet');
  const [lastMember, setLastMember] = useState('none yet');

  const onConsentChange = (event) => {
    setDirective(event.detail.directive);
    setLastChange(`${event.detail.directive.recipient.name}: ${event.detail.state}`);
  };
  const onMemberSelect = (event) => setLastMember(event.detail.member.name);

  return (
    <main>
      <h1>Care Elements in React 19</h1>
      <p>
        React passes the team and the consent directive as properties and listens to the elements&apos; events
        (controlled mode, no <code>&lt;care-context&gt;</code>).
      </p>
      <div className="host-state">
        <p>What React&apos;s state holds, updated from the elements&apos; events:</p>
        <p id="last-change" role="status">Last consent change: {lastChange}</p>
        <p id="last-member" role="status">Last person opened: {lastMember}</p>
      </div>
      <section aria-labelledby="sharing-title">
        <h2 id="sharing-title">Sharing</h2>
        <care-consent-toggle
          directive={directive}
          team={team}
          actor='{"id":"m-ingrid","name":"Ingrid Solberg"}'
          heading-level="3"
          oncare-consent-change={onConsentChange}
        ></care-consent-toggle>
      </section>
      <section>
        <care-team-roster
          team={team}
          audience="service-user"
          heading-level="2"
          oncare-member-select={onMemberSelect}
        ></care-team-roster>
      </section>
    </main>
  );
}

createRoot(document.getElementById('app')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
