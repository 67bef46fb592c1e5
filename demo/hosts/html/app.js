// Plain HTML host: no framework, no build step. The data would come from the portal's own API;
// here it is the Fjordvik fixture, written as JSON by scripts/build-hosts.mjs.
const response = await fetch(new URL('./dist/fjordvik.json', import.meta.url));
const record = await response.json();

const roster = document.querySelector('care-team-roster');
const toggle = document.querySelector('care-consent-toggle');
const lastChange = document.getElementById('last-change');
const lastMember = document.getElementById('last-member');

// Objects and arrays go in as properties, never as attributes.
roster.team = record.team;
toggle.team = record.team;
toggle.directive = record.consents.find((consent) => consent.id === 'c-nav');

// Controlled mode: the page owns the data, so it keeps the saved directive and gives it back.
toggle.addEventListener('care-consent-change', (event) => {
  const { directive, state } = event.detail;
  toggle.directive = directive;
  lastChange.textContent = `Last consent change: ${directive.recipient.name}: ${state}`;
});

roster.addEventListener('care-member-select', (event) => {
  lastMember.textContent = `Last person opened: ${event.detail.member.name}`;
});
