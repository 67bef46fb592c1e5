// One tab of the two-tab test: a <care-context> on a persisted memory source, with the elements the
// test asks for, configured from the address (key, actor, latency, markup). Its own module copy.
import '../../../src/define.js';
import type { CareContext } from '../../../src/context/care-context.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';

const params = new URLSearchParams(location.search);
const context = document.createElement('care-context') as CareContext;
context.setAttribute('source', 'memory');
context.setAttribute('persist', params.get('key')!);
context.setAttribute('care-team', 'team-ingrid');
context.setAttribute('lang', 'en');
context.latency = Number(params.get('latency') ?? 0);
context.seed = fjordvik;
context.actor = JSON.parse(params.get('actor')!);
// The markup comes from the test itself, never from data.
context.innerHTML = params.get('inner') ?? '';
document.body.append(context);
(window as unknown as { careContext: CareContext }).careContext = context;
