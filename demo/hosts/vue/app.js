// Vue 3 host. The template is compiled in the browser (the full `vue` build), so the compiler
// option `isCustomElement` is set on the app; with Vite or vue-loader the same option goes in the
// plugin's `template.compilerOptions`.
// - `:team.prop="team"` binds a DOM property (Vue would also pick a property by itself for a
//   custom element that has it, but `.prop` says so and never falls back to an attribute);
// - `@care-consent-change="…"` listens to the element's event by its exact name;
// - `shallowRef` keeps the data as plain objects: the elements receive the objects themselves,
//   not Vue's reactive proxies, and a new directive object is a new value.
import 'care-elements/define.js';
import { createApp, shallowRef } from 'vue/dist/vue.esm-bundler.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.ts';

const app = createApp({
  setup() {
    const team = shallowRef(fjordvik.team);
    const directive = shallowRef(fjordvik.consents.find((consent) => consent.id === 'c-nav'));
    const lastChange = shallowRef('none yet');
    const lastMember = shallowRef('none yet');

    // Controlled mode: Vue's state owns the directive and passes the saved one back.
    const onConsentChange = (event) => {
      directive.value = event.detail.directive;
      lastChange.value = `${event.detail.directive.recipient.name}: ${event.detail.state}`;
    };
    const onMemberSelect = (event) => {
      lastMember.value = event.detail.member.name;
    };
    return { team, directive, lastChange, lastMember, onConsentChange, onMemberSelect };
  },
  template: `
    <main>
      <h1>Care Elements in Vue 3</h1>
      <p>
        Vue passes the team and the consent directive as properties and listens to the elements'
        events (controlled mode, no <code>&lt;care-context&gt;</code>).
      </p>
      <div class="host-state">
        <p>What Vue's state holds, updated from the elements' events:</p>
        <p id="last-change" role="status">Last consent change: {{ lastChange }}</p>
        <p id="last-member" role="status">Last person opened: {{ lastMember }}</p>
      </div>
      <section aria-labelledby="sharing-title">
        <h2 id="sharing-title">Sharing</h2>
        <care-consent-toggle
          :directive.prop="directive"
          :team.prop="team"
          actor='{"id":"m-ingrid","name":"Ingrid Solberg"}'
          heading-level="3"
          @care-consent-change="onConsentChange"
        ></care-consent-toggle>
      </section>
      <section>
        <care-team-roster
          :team.prop="team"
          audience="service-user"
          heading-level="2"
          @care-member-select="onMemberSelect"
        ></care-team-roster>
      </section>
    </main>
  `,
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('care-');
app.mount('#app');
