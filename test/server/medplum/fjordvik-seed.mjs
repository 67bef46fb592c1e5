// Prints the Fjordvik case as FHIR R4 resources (JSON array) on stdout. The medplum dev-server
// plugin runs it in a child process, so bundling the mapping with esbuild never touches the dev
// server's own esbuild service.
import { fjordvikAsFhir } from '../fhir/fjordvik.mjs';
import { loadFhirModule } from '../../data/fhir/load-source.mjs';

process.stdout.write(JSON.stringify(fjordvikAsFhir(await loadFhirModule(), 'R4').resources));
