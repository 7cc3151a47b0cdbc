// The modules' TypeScript declarations against what the engine really returns: call each
// export on real inputs (the sample roster, SPEC §11 example 1), write every result as a
// typed literal, and let tsc --strict check them (a missing field, an extra one or a wrong
// type fails). Run by `make lint-js` after `make wasm`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const pkg = new URL('www/pkg/', root);
async function load(name) {
  const m = await import(new URL(`${name}.js`, pkg).href);
  await m.default({ module_or_path: readFileSync(new URL(`${name}_bg.wasm`, pkg)) });
  return m;
}
const first = await load('paygrade');
const extra = await load('paygrade_extra');
const hr = await load('paygrade_hr');

const asOf = '2026-11-30';
const employee = { id: 'E001', level: 'intermediate', band: 'B', employment: 'contract', years_in_post: 12, rural: true,
  scores: { business: '92', customer_satisfaction: '88', supplier: '85', self: '95', marketing_audit: '80' } };
const { years_in_post: _, ...byDate } = { ...employee, post_start: '2014-03-01' };
const sample = hr.sampleRoster();
const proposal = hr.defaultPolicy();
proposal.ladder[2].bands[1].coefficient = '1.50';
const card = extra.scorecardPresets().tobacco;
const kpis = Object.fromEntries(card.indicators.map((i) => [i.id, { target: '100', actual: '90' }]));
const schedule = { year: 2026, first_month: 1, annual_bonus: '36001',
  months: Array.from({ length: 12 }, () => ({ gross: '10000.00', special_deductions: '1000' })) };
// The team page's workspace: a load's summary, a run, its pages.
const ws = new hr.Workspace();
const loaded = ws.loadSample();
const run = ws.run(null, proposal, asOf, { limit: 5 });
let thrown = null;
try { first.computePay(null, { ...employee, level: 'nope' }, asOf); } catch (e) {
  thrown = { code: e.code, path: e.path, loc: e.loc, params: e.params, message: e.message, problems: e.problems, more: e.more };
}

const values = [
  ['Policy', first.defaultPolicy()],
  ['Policy', hr.validatePolicy(proposal)],
  ['WhatIfs', first.computeWhatIfs(null, employee, asOf)],
  ['WhatIfs', first.computeWhatIfs(null, byDate, asOf)],
  ['Breakdown', first.computePay(null, employee, asOf)],
  ['ParsedRoster', sample],
  ['RosterResult', hr.computeRoster(null, sample.employees, asOf)],
  ['QuotaReport', hr.checkQuotas(null, sample.employees)],
  ['AssignmentResult', hr.assignGrades(null, sample.employees, asOf)],
  ['Comparison', hr.compareScenarios(null, proposal, sample.employees, asOf)],
  ['RosterSummary', loaded],
  ['RunSummary', run],
  ['PeoplePage', ws.peoplePage({ sort: 'name', dir: 'asc', level: 'junior', search: 'km', offset: 3, limit: 4 })],
  ['AssignmentPage | null', ws.assignmentPage({ offset: 60 })],
  ['Comparison', ws.chartData()],
  ['Breakdown | null', ws.explain('KM001')],
  ['{ id: string; row: number } | undefined', ws.person(0)],
  ['{ shanghai: ContributionPolicy; beijing: ContributionPolicy }', extra.contributionPresets()],
  ['{ tobacco: ScorecardPolicy; bank: ScorecardPolicy }', extra.scorecardPresets()],
  ['NetPay', extra.computeNetPay(null, schedule)],
  ['ScoreResult', extra.scoreKpis(null, { kpis })],
  ['Pick<PaygradeError, "code" | "path" | "loc" | "params" | "message" | "problems" | "more">', thrown],
];
const names = 'Policy, WhatIfs, Breakdown, ParsedRoster, RosterResult, QuotaReport, AssignmentResult, Comparison, '
  + 'RosterSummary, RunSummary, PeoplePage, AssignmentPage, '
  + 'ContributionPolicy, ScorecardPolicy, NetPay, ScoreResult, PaygradeError';
const dir = new URL('target/dts-check/', root);
mkdirSync(dir, { recursive: true });
const file = new URL('results.ts', dir);
writeFileSync(file, `import type { ${names} } from '../../www/pkg/paygrade_hr.js';\n`
  + values.map(([type, v], i) => `export const v${i}: ${type} = ${JSON.stringify(v)};`).join('\n') + '\n');
try {
  // --ignoreConfig: the repo's tsconfig.json is the page's check, not this one.
  execFileSync(new URL('node_modules/.bin/tsc', root).pathname, ['--ignoreConfig', '--noEmit', '--strict', '--target', 'ES2022', '--module', 'ES2022',
    '--moduleResolution', 'bundler', '--lib', 'ES2022,ESNext.Disposable,DOM', 'results.ts'], { stdio: 'inherit', cwd: dir });
} catch {
  console.error("tools/check-dts.mjs: the engine's results do not match the declarations in crates/wasm-common/src/lib.rs (above)");
  process.exit(1);
}
console.log(`${values.length} engine results match the modules' declarations`);
