#!/usr/bin/env node
// Takes the README's screenshots of the demo portal in Debian's Chromium (run `npm run build` first):
//   docs/images/demo-service-user.png   the service user's view, desktop width
//   docs/images/demo-phone-nb.png       the same page on a 390 px phone, in Norwegian bokmål
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { root } from './lib/run.mjs';
import { serve } from './serve.mjs';

const out = join(root, 'docs', 'images');
mkdirSync(out, { recursive: true });
const server = await serve({ rootDir: root, port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function shoot(file, { width, height, lang }) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript((language) => {
    localStorage.setItem('care-elements-demo-settings', JSON.stringify({ lang: language, view: 'service-user', theme: 'light' }));
  }, lang);
  await page.goto(`${base}/demo/index.html`);
  await page.waitForFunction(() => {
    const roster = document.querySelector('care-team-roster')?.shadowRoot;
    return roster && roster.childElementCount > 0 && !roster.querySelector('[part~="loading"]');
  });
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(out, file), fullPage: false });
  await context.close();
  console.log(`wrote docs/images/${file}`);
}

await shoot('demo-service-user.png', { width: 1280, height: 900, lang: 'en' });
await shoot('demo-phone-nb.png', { width: 390, height: 844, lang: 'nb' });
await browser.close();
server.close();
