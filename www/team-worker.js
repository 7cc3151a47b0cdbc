// The HR engine in a Web Worker: big rosters are parsed, paid and compared here, so the
// page stays responsive. Messages: {id, cmd, args} → {id, result} or {id, error}, and
// {id, progress: {done, total}} while a long call runs.
//
// The roster, once loaded, stays in the engine: a wasm-side `Workspace` holds the people
// decoded once (issue 16 item 3), so each later call passes only a policy and a date.
import init, * as hr from './pkg/paygrade_hr.js';

// The single-file build puts the wasm bytes in `self.PAYGRADE_HR_WASM` ahead of this code
// (the worker then runs from a blob URL, where no .wasm file can be fetched).
// In dist/paygrade-team.html the worker's wasm comes inlined (set before this script runs).
const inlined = /** @type {any} */ (self).PAYGRADE_HR_WASM;
const ready = init(inlined ? { module_or_path: inlined } : undefined);
/** @type {hr.Workspace | null} */
let workspace = null;
let generation = 0; // counts rosters loaded, for the pay cache
let payCache = null; // { key, pay, byId: Map } — the proposal's breakdowns, for explanations and payslips

function ws() {
  workspace ??= new hr.Workspace();
  return workspace;
}
function keep(parsed) {
  generation += 1;
  payCache = null;
  return parsed;
}
/** The workspace, once a roster is in it. */
function need() {
  if (!workspace || workspace.size === 0) throw Object.assign(new Error('no roster loaded'), { code: 'no_rows', path: '' });
  return workspace;
}
/** The roster paid under the proposal (once per roster, pay date and proposal). */
function paid(proposal, asOf) {
  const key = `${generation}|${asOf}|${JSON.stringify(proposal)}`;
  if (payCache?.key !== key) {
    const pay = need().computeRoster(proposal, asOf);
    payCache = { key, pay, byId: new Map(pay.results.map((b) => [b.id, b])) };
  }
  return payCache;
}

const COMMANDS = {
  defaultPolicy: () => hr.defaultPolicy(),
  validatePolicy: (_, policy) => hr.validatePolicy(policy),
  /** An uploaded File (read here, synchronously) → {employees, rows, warnings, sheets}; kept. */
  loadFile: (report, file, name, sheet) => keep(ws().loadFile(file, name, sheet ?? undefined, report)),
  /** Another sheet of the workbook loaded last (issue 15 item 2). */
  loadSheet: (report, sheet) => keep(ws().loadSheet(sheet, report)),
  loadSample: () => keep(ws().loadSample()),
  /** Employees kept by the page from an earlier visit. */
  loadEmployees: (_, employees) => keep(ws().loadEmployees(employees)),
  compare: (report, proposal, asOf) => need().compareScenarios(null, proposal, asOf, report),
  /** Cost over the years (issue 18): offsets 0 … years, baseline = the default policy. */
  project: (_, proposal, asOf, years, assign) => need().projectScenarios(null, proposal, asOf, years, assign),
  exportProjectionCsv: (_, proposal, asOf, years, assign) => need().exportProjectionCsv(null, proposal, asOf, years, assign),
  checkQuotas: () => need().checkQuotas(null),
  assignGrades: (_, asOf) => need().assignGrades(null, asOf),
  /** One person's breakdown under the proposal (the roster is paid once per proposal). */
  explain: (_, proposal, asOf, id) => paid(proposal, asOf).byId.get(id) ?? null,
  /** Everyone's breakdown under the proposal, for the payslip print view (issue 15 item 12). */
  payslips: (_, proposal, asOf) => paid(proposal, asOf).pay.results,
  exportCsv: (_, proposal, asOf, lang) => need().exportRosterCsv(proposal, asOf, lang),
  exportXlsx: (_, proposal, asOf, lang) => need().exportRosterXlsx(proposal, asOf, lang),
  /** Baseline (the default policy), proposal and difference per person and component. */
  exportComparisonCsv: (_, proposal, asOf, lang) => need().exportComparisonCsv(null, proposal, asOf, lang),
  exportComparisonXlsx: (_, proposal, asOf, lang) => need().exportComparisonXlsx(null, proposal, asOf, lang),
  exportPayslipsXlsx: (_, proposal, asOf, lang) => need().exportPayslipsXlsx(proposal, asOf, lang),
};

self.onmessage = async (event) => {
  const { id, cmd, args } = event.data;
  const report = (done, total) => self.postMessage({ id, progress: { done, total } });
  try {
    await ready;
    const command = Object.hasOwn(COMMANDS, cmd) ? COMMANDS[cmd] : null;
    if (!command) throw new Error(`unknown call ${cmd}`);
    self.postMessage({ id, result: command(report, ...args) });
  } catch (err) {
    // The engine's error as plain data (an Error object does not cross threads whole).
    const fields = (e) => ({ code: e.code ?? 'internal', path: e.path ?? '', loc: e.loc ?? null, params: e.params ?? {},
      employee: e.employee, place_zh: e.place_zh ?? '', place_en: e.place_en ?? '',
      message_zh: e.message_zh ?? e.message ?? String(e), message_en: e.message_en ?? e.message ?? String(e) });
    self.postMessage({ id, error: { ...fields(err), message: err.message ?? String(err),
      problems: (err.problems ?? []).map(fields), more: err.more ?? 0 } });
  }
};
