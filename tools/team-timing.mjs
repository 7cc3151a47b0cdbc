// Time the team page on big rosters in headless Chromium: upload a synthetic roster of
// N rows (target/bench/rosterN.csv, written with the CLI's generator) and wait until the
// comparison and people table show. Prints `ms team_upload_<N> <ms>` lines.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { launch } from '../tests/e2e/helpers.mjs';

const root = new URL('../', import.meta.url).pathname;
const b = await launch();
await b.page.goto(`${b.base}team.html`);
await b.page.waitForFunction(() => window.paygradeTeam?.ready);
for (const n of (process.argv[2] ?? '10000,100000').split(',').map(Number)) {
  const file = `${root}target/bench/roster${n}.csv`;
  if (!existsSync(file)) {
    const csv = execFileSync('cargo', ['run', '-q', '--release', '--example', 'synthetic_roster', String(n)], { cwd: root, maxBuffer: 1 << 30 });
    writeFileSync(file, csv);
  }
  const t0 = Date.now();
  await b.page.setInputFiles('#file', file);
  await b.page.waitForFunction((name) => document.querySelector('#roster-info').textContent.includes(name), `roster${n}.csv`, { timeout: 600000 });
  console.log(`ms team_upload_${n} ${Date.now() - t0}`);
  const cdp = await b.context.newCDPSession(b.page);
  await cdp.send('Performance.enable');
  const m = await cdp.send('Performance.getMetrics');
  console.log(`bytes team_js_heap_${n} ${m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0}`);
}
await b.close();
