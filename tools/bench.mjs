// `make bench` (issue 7): native (criterion) vs wasm in headless Chromium vs LibreOffice
// Calc on the same work, plus the page's bytes. Ends with `ratio NAME VALUE` and
// `bytes NAME N` lines. Inputs come from `cargo run --release --example peer_xlsx`.
// One person is timed three ways against native: My pay's call (JS objects both ways,
// through the size-built first-load module), the same work as native's (JSON text in and
// out, the speed-built module) and the engine alone.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../tests/e2e/helpers.mjs';

const root = new URL('../', import.meta.url).pathname;
const out = (name, value) => console.log(`${name} ${value}`);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };

// 1. Native: criterion's median estimates (ns).
const est = (id) => JSON.parse(readFileSync(join(root, 'target/criterion', id, 'new/estimates.json'), 'utf8')).median.point_estimate;
const native = { pay: est('pay_json') / 1e6, payChecked: est('pay_checked') / 1e6, payEngine: est('pay_engine') / 1e6, roster: est('roster/roster100k') / 1e6, compare: est('roster/compare100k') / 1e6 };

// 2. Wasm in Chromium: the same three workloads through the facade.
const csv = readFileSync(join(root, 'target/bench/roster100k.csv'));
const b = await launch();
await b.page.goto(b.base);
await b.page.waitForFunction(() => window.paygrade !== undefined);
const wasm = await b.page.evaluate(async (csvB64) => {
  const pay = await import('./pkg/paygrade.js');
  const hr = await import('./pkg/paygrade_bench.js');
  await pay.default();
  const exports = await hr.default();
  const bin = atob(csvB64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const policy = pay.defaultPolicy();
  const employee = { id: 'E001', level: 'intermediate', band: 'B', employment: 'contract', years_in_post: 12, rural: true,
    scores: { business: '92', customer_satisfaction: '88', supplier: '85', self: '95', marketing_audit: '80' } };
  const med = (xs) => { const s = [...xs].sort((a, c) => a - c); return s[s.length >> 1]; };
  // One person: JSON in (a policy object and an employee), JSON out; batches of 200.
  for (let i = 0; i < 500; i++) pay.computePay(policy, employee, '2026-11-30');
  const payRuns = [];
  for (let k = 0; k < 30; k++) {
    const t = performance.now();
    for (let i = 0; i < 200; i++) pay.computePay(policy, employee, '2026-11-30');
    payRuns.push((performance.now() - t) / 200);
  }
  // The policy validated once (a Calculator, as My pay keeps one), then a person per call.
  const calc = new pay.Calculator(policy);
  for (let i = 0; i < 500; i++) calc.computePay(employee, '2026-11-30');
  const calcRuns = [];
  for (let k = 0; k < 30; k++) {
    const t = performance.now();
    for (let i = 0; i < 200; i++) calc.computePay(employee, '2026-11-30');
    calcRuns.push((performance.now() - t) / 200);
  }
  // The same work as the native pay_checked: the default policy kept, the person's JSON
  // text in, the breakdown's JSON text out, in the speed-built module.
  const payText = new hr.PayText();
  const textIn = JSON.stringify(employee);
  for (let i = 0; i < 2000; i++) payText.pay(textIn, '2026-11-30');
  const textRuns = [];
  for (let k = 0; k < 30; k++) {
    const t = performance.now();
    for (let i = 0; i < 500; i++) payText.pay(textIn, '2026-11-30');
    textRuns.push((performance.now() - t) / 500);
  }
  // The engine alone for one person: 20,000 payments inside the module, no crossing.
  const employeeText = JSON.stringify(employee);
  hr.payRepeated(employeeText, 2000);
  const engineRuns = [0, 1, 2, 3, 4].map(() => {
    const t = performance.now();
    hr.payRepeated(employeeText, 20000);
    return (performance.now() - t) / 20000;
  });
  // 100,000 rows: bytes in, columns out (the benchmark-only module paygrade_bench).
  const proposal = structuredClone(policy);
  proposal.ladder[2].bands[1].coefficient = '1.50';
  const time = (f) => { const t = performance.now(); f(); return performance.now() - t; };
  // The native benchmark's work exactly (ending in the columns' JSON text), and the same
  // with the columns made as JS objects (100,000 ids and totals as JS strings).
  time(() => hr.computeRosterFileText(null, bytes, 'roster100k.csv'));
  const rosterRuns = [0, 1, 2, 3, 4].map(() => time(() => hr.computeRosterFileText(null, bytes, 'roster100k.csv')));
  time(() => hr.computeRosterFile(null, bytes, 'roster100k.csv'));
  const objectRuns = [0, 1, 2, 3, 4].map(() => time(() => hr.computeRosterFile(null, bytes, 'roster100k.csv')));
  time(() => hr.compareRosterFile(null, proposal, bytes, 'roster100k.csv'));
  const compareRuns = [0, 1, 2].map(() => time(() => hr.compareRosterFile(null, proposal, bytes, 'roster100k.csv')));
  return { pay: med(payRuns), payChecked: med(calcRuns), payText: med(textRuns), payEngine: med(engineRuns), roster: med(rosterRuns), rosterObjects: med(objectRuns), compare: med(compareRuns), wasmMemory: exports.memory.buffer.byteLength };
}, csv.toString('base64'));
const metrics = await (await b.context.newCDPSession(b.page)).send('Performance.getMetrics');
const heap = metrics.metrics.find((m) => m.name === 'JSHeapTotalSize')?.value ?? 0;
await b.close();

// 3. LibreOffice Calc: recalculate the formulas workbook (forced on load) and convert to CSV.
const profile = mkdtempSync(join(tmpdir(), 'paygrade-lo-'));
mkdirSync(join(profile, 'user'), { recursive: true });
writeFileSync(join(profile, 'user/registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`);
const loOut = mkdtempSync(join(tmpdir(), 'paygrade-lo-out-'));
const t0 = performance.now();
execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to',
  'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false', '--outdir', loOut,
  join(root, 'target/bench/roster100k_formulas.xlsx')], { stdio: 'pipe' });
const loMs = performance.now() - t0;
const loRows = readFileSync(join(loOut, 'roster100k_formulas.csv'), 'utf8').trim().split('\n').slice(1);
rmSync(profile, { recursive: true, force: true });
rmSync(loOut, { recursive: true, force: true });
// Paygrade's totals for the same people (the native CLI, exact decimals).
const oursAll = execFileSync(join(root, 'target/release/paygrade'), ['--lang', 'en', 'roster', '--as-of', '2026-11-30', '--format', 'csv',
  join(root, 'target/bench/roster100k.csv')], { maxBuffer: 1 << 28 }).toString('utf8').replace(/^\uFEFF/, '').trim().split('\n');
const totalAt = oursAll[0].split(',').indexOf('result_total');
const ours = oursAll.slice(1);
const total = new Map(ours.map((l) => { const f = l.split(','); return [f[0], f[totalAt]]; }));
const diffs = [];
for (const line of loRows) {
  const f = line.split(',');
  const theirs = Number(f[23]).toFixed(2);
  if (total.get(f[0]) !== theirs) diffs.push(`${f[0]} paygrade ${total.get(f[0])} libreoffice ${f[23]}`);
}

// 4. The limit program (examples/limit.rs: csv ByteRecords + rust_decimal, the default
// policy by hand) beside the CLI on the same file, wall time and peak memory by GNU time;
// both must give the same total to the fen.
const timed = (cmd, args) => {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  const [secs, kb] = r.stderr.toString().trim().split('\n').at(-1).split(' ');
  return { ms: Number(secs) * 1000, kb: Number(kb), stdout: r.stdout.toString() };
};
const scratch = mkdtempSync(join(tmpdir(), 'paygrade-limit-'));
const rosterCsv = join(root, 'target/bench/roster100k.csv');
const limitRuns = [0, 1, 2, 3, 4].map(() => timed(join(root, 'target/release/examples/limit'), [rosterCsv, join(scratch, 'limit.csv')]));
const cliRuns = [0, 1, 2, 3, 4].map(() => timed('/bin/sh', ['-c',
  `exec "${join(root, 'target/release/paygrade')}" --lang en roster --as-of 2026-11-30 --format csv "${rosterCsv}" > "${join(scratch, 'cli.csv')}"`]));
const limitTotal = limitRuns[0].stdout.trim().split(' ').at(-1);
const cliRows = readFileSync(join(scratch, 'cli.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n');
const cliAt = cliRows[0].split(',').indexOf('result_total');
const fen = cliRows.slice(1).reduce((n, l) => n + BigInt(l.split(',')[cliAt].replace('.', '')), 0n);
const cliTotal = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
rmSync(scratch, { recursive: true, force: true });

// 5. Bytes: what the page loads before its first result, and the lazily loaded parts.
const gz = (p) => gzipSync(readFileSync(join(root, 'www', p)), { level: 9 }).length;
const first = ['index.html', 'style.min.css', 'app.min.js', 'i18n/zh.js', 'pkg/paygrade_bg.wasm'].reduce((n, p) => n + gz(p), 0);
const extras = ['extras.js', 'extras.css', 'i18n/zh-extras.js', 'pkg/paygrade_extra.js', 'pkg/paygrade_extra_bg.wasm'].reduce((n, p) => n + gz(p), 0);
const hrBytes = ['pkg/paygrade_hr.js', 'pkg/paygrade_hr_bg.wasm'].reduce((n, p) => n + gz(p), 0);

out('ms native_pay', native.pay.toFixed(4));
out('ms wasm_pay', wasm.pay.toFixed(4));
out('ms native_pay_checked', native.payChecked.toFixed(4));
out('ms wasm_pay_calculator', wasm.payChecked.toFixed(4));
out('ms wasm_pay_text', wasm.payText.toFixed(4));
out('ms native_pay_engine', native.payEngine.toFixed(4));
out('ms wasm_pay_engine', wasm.payEngine.toFixed(4));
out('ms native_roster100k', native.roster.toFixed(0));
out('ms wasm_roster100k', wasm.roster.toFixed(0));
out('ms wasm_roster100k_objects', wasm.rosterObjects.toFixed(0));
out('ms native_compare100k', native.compare.toFixed(0));
out('ms wasm_compare100k', wasm.compare.toFixed(0));
out('ms libreoffice_roster100k', loMs.toFixed(0));
out('rows libreoffice_checked', loRows.length);
out('rows libreoffice_differences', diffs.length);
for (const d of diffs.slice(0, 50)) out('difference', d);
out('bytes roster100k_csv', csv.length);
out('bytes browser_wasm_memory', wasm.wasmMemory);
out('bytes browser_js_heap', heap);
out('bytes lazy_extras_gz', extras);
out('bytes lazy_hr_gz', hrBytes);
out('ratio wasm_over_native_pay', (wasm.pay / native.pay).toFixed(2));
out('ratio wasm_over_native_pay_calculator', (wasm.payChecked / native.payChecked).toFixed(2));
out('ratio wasm_over_native_pay_text', (wasm.payText / native.payChecked).toFixed(2));
out('ratio wasm_over_native_pay_engine', (wasm.payEngine / native.payEngine).toFixed(2));
out('ratio wasm_over_native_roster100k', (wasm.roster / native.roster).toFixed(2));
out('ratio wasm_objects_over_native_roster100k', (wasm.rosterObjects / native.roster).toFixed(2));
out('ratio wasm_over_native_compare100k', (wasm.compare / native.compare).toFixed(2));
out('ratio libreoffice_over_wasm_roster100k', (loMs / wasm.roster).toFixed(2));
out('ratio libreoffice_over_wasm_objects_roster100k', (loMs / wasm.rosterObjects).toFixed(2));
out('bytes first_load_gz', first);
out('ms limit_roster100k', median(limitRuns.map((r) => r.ms)).toFixed(0));
out('ms cli_roster100k', median(cliRuns.map((r) => r.ms)).toFixed(0));
out('bytes limit_peak_rss', Math.max(...limitRuns.map((r) => r.kb)) * 1024);
out('bytes cli_peak_rss', Math.max(...cliRuns.map((r) => r.kb)) * 1024);
out('total limit_roster100k', limitTotal);
out('total cli_roster100k', cliTotal);
if (limitTotal !== cliTotal) { out('difference', `limit ${limitTotal} paygrade ${cliTotal}`); process.exitCode = 1; }
out('ratio cli_over_limit_roster100k', (median(cliRuns.map((r) => r.ms)) / median(limitRuns.map((r) => r.ms))).toFixed(2));
out('ratio cli_peak_rss_over_file', (Math.max(...cliRuns.map((r) => r.kb)) * 1024 / csv.length).toFixed(2));
