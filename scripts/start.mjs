// npm start: installs what is missing, builds, then serves the repository at
// http://localhost:8000/demo/ (PORT overrides the port).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies } from './lib/ensure.mjs';
import { root, runNode } from './lib/run.mjs';
import { serve } from './serve.mjs';

const port = Number(process.env.PORT) || 8000;

if (!(await ensureDependencies())) process.exit(1);

console.log('\n> npm run build');
const { code } = await runNode('scripts/build.mjs');
if (code !== 0) {
  if (!existsSync(join(root, 'dist', 'care-elements.min.js'))) {
    console.error('\nThe build failed and produced no dist/care-elements.min.js, so there is nothing to serve.');
    process.exit(1);
  }
  console.warn('\nThe build reported errors (see above); serving what it produced anyway.');
}

try {
  await serve({ rootDir: root, port });
} catch (error) {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is already in use: run PORT=8001 npm start` : error.message);
  process.exit(1);
}
console.log(`\nCare Elements demo: http://localhost:${port}/demo/`);
console.log('Press Ctrl+C to stop.');
