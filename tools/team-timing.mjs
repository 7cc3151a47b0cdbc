// Time the team page on big rosters in headless Chromium: upload a synthetic roster of
// N rows (target/bench/rosterN.csv, written with the CLI's generator) and wait until the
// comparison, quotas, assignment and the first rows of the people table show; then edit
// the proposal (intermediate-B's coefficient) and wait for the updated results. Prints
// `ms team_upload_<N> <ms>`, `ms team_edit_<N> <ms>` and `bytes team_js_heap_<N> <bytes>`
// lines. A measurement, never a test: nothing here asserts a time.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { launch } from '../tests/e2e/helpers.mjs';

const root = new URL('../', import.meta.url).pathname;
const COEF = '[data-path="ladder[2].bands[1].coefficient"]';
const b = await launch();
await b.page.goto(`${b.base}team.html`);
await b.page.waitForFunction(() => window.paygradeTeam?.ready);
let edits = 0;
for (const n of (process.argv[2] ?? '10000,100000').split(',').map(Number)) {
  const file = `${root}target/bench/roster${n}.csv`;
  if (!existsSync(file)) {
    mkdirSync(`${root}target/bench`, { recursive: true });
    const csv = execFileSync('cargo', ['run', '-q', '--release', '--example', 'synthetic_roster', String(n)], { cwd: root, maxBuffer: 1 << 30 });
    writeFileSync(file, csv);
  }
  const t0 = Date.now();
  await b.page.setInputFiles('#file', file);
  await b.page.waitForFunction((name) => document.querySelector('#roster-info').textContent.includes(name), `roster${n}.csv`, { timeout: 600000 });
  console.log(`ms team_upload_${n} ${Date.now() - t0}`);
  await b.page.waitForFunction(() => document.getElementById('progress').hidden, null, { timeout: 600000 });
  // A policy edit: the proposal changes; the results (their policy difference) follow.
  for (let k = 0; k < 2; k++) {
    const value = `1.5${edits++ % 10}`;
    const t1 = Date.now();
    await b.page.fill(COEF, value);
    await b.page.waitForFunction((v) => document.querySelector('#policy-diff').textContent.includes(`→ ${v}`), value, { timeout: 600000 });
    console.log(`ms team_edit_${n} ${Date.now() - t1}`);
    await b.page.waitForFunction(() => document.getElementById('progress').hidden, null, { timeout: 600000 });
  }
  const cdp = await b.context.newCDPSession(b.page);
  await cdp.send('Performance.enable');
  const m = await cdp.send('Performance.getMetrics');
  console.log(`bytes team_js_heap_${n} ${m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0}`);
}
await b.close();
