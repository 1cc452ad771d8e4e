// How long the console's fleet page takes to show its first 50 bots in headless Chromium, against a
// running management server with a registered fleet (the budget: 1,000 bots, <= 1.5 s).
// scripts/performance.sh runs it after the cycle run (its fleet stays registered) and writes
// console-fleet.txt beside the other reports. By hand, with playwright-core, which the console does
// not depend on:
//   mkdir -p /tmp/pw && (cd /tmp/pw && npm i playwright-core@1.65)
//   NODE_PATH=/tmp/pw/node_modules ADMIN_PASSWORD=... node scripts/console-fleet-timing.mjs
// Each run is a new browser context (no cache, no cookie): sign in, then time the click to 50 rows,
// then a reload (the refresh cookie restores the session) to 50 rows.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const site = process.env.SITE ?? 'http://localhost:9080';
const password = process.env.ADMIN_PASSWORD;
const count = Number(process.env.RUNS ?? 7);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
/** The first page is on screen: 50 rows, or every bot when the fleet is smaller. */
const fleetShown = () => {
  const total = Number.parseInt(document.querySelector('h1 small')?.textContent ?? '', 10);
  const rows = document.querySelectorAll('table.fleet tbody tr[data-bot]').length;
  return total > 0 && rows === Math.min(50, total);
};
const runs = [];
for (let i = 0; i < count; i++) {
  const context = await browser.newContext(); // cold: no cache, no cookie
  const page = await context.newPage();
  await page.goto(`${site}/#/login`);
  await page.fill('#username', 'admin');
  await page.fill('#password', password);
  const started = Date.now();
  await page.click('form button[type=submit]');
  await page.waitForFunction(fleetShown);
  const signedInToFleet = Date.now() - started;
  // A cold load of the fleet page itself: reload (the refresh cookie restores the session).
  const reloadStart = Date.now();
  await page.reload();
  await page.waitForFunction(fleetShown);
  const reload = Date.now() - reloadStart;
  const nav = await page.evaluate(() => {
    const [n] = performance.getEntriesByType('navigation');
    return { domInteractive: Math.round(n.domInteractive), load: Math.round(n.loadEventEnd) };
  });
  const total = await page.textContent('h1 small');
  runs.push({ signedInToFleet, reload, ...nav, total });
  await context.close();
}
await browser.close();
console.log(JSON.stringify(runs, null, 0));
const sorted = (k) => runs.map((r) => r[k]).sort((a, b) => a - b);
const p = (k, q) => sorted(k)[Math.min(runs.length - 1, Math.floor(q * runs.length))];
console.log(`fleet of ${runs[0]?.total}: reload to the first page: p50 ${p('reload', 0.5)} ms, max ${p('reload', 1)} ms; sign-in to fleet: p50 ${p('signedInToFleet', 0.5)} ms, max ${p('signedInToFleet', 1)} ms`);
