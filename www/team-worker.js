// The HR engine in a Web Worker: big rosters are parsed, paid and compared here, so the
// page stays responsive. Messages: {id, cmd, args} → {id, result} or {id, error}, and
// {id, progress: {done, total}} while a long call runs.
//
// The roster, once loaded, stays here as JSON text (one JSON.stringify for the whole
// session), so each call hands it to the engine without copying 100,000 people across
// threads again. The engine itself keeps nothing between calls.
import init, * as hr from './pkg/paygrade_hr.js';

// The single-file build puts the wasm bytes in `self.PAYGRADE_HR_WASM` ahead of this code
// (the worker then runs from a blob URL, where no .wasm file can be fetched).
// In dist/paygrade-team.html the worker's wasm comes inlined (set before this script runs).
const inlined = /** @type {any} */ (self).PAYGRADE_HR_WASM;
const ready = init(inlined ? { module_or_path: inlined } : undefined);
let roster = null; // { json: string, generation: number }
let generation = 0;
let payCache = null; // { key, pay, byId: Map } — the proposal's breakdowns, for explanations and payslips
let file = null; // { bytes, name } — an uploaded workbook, so another of its sheets can be read

function keep(parsed, bytes = null, name = '') {
  roster = { json: JSON.stringify(parsed.employees), generation: ++generation };
  payCache = null;
  file = bytes ? { bytes, name } : null;
  return parsed;
}
/** The roster paid under the proposal (once per roster, pay date and proposal). */
function paid(proposal, asOf) {
  const key = `${roster?.generation}|${asOf}|${JSON.stringify(proposal)}`;
  if (payCache?.key !== key) {
    const pay = hr.computeRoster(proposal, need(), asOf);
    payCache = { key, pay, byId: new Map(pay.results.map((b) => [b.id, b])) };
  }
  return payCache;
}
function need() {
  if (!roster) throw Object.assign(new Error('no roster loaded'), { code: 'no_rows', path: '' });
  return roster.json;
}

const COMMANDS = {
  defaultPolicy: () => hr.defaultPolicy(),
  validatePolicy: (_, policy) => hr.validatePolicy(policy),
  /** A roster file's bytes → {employees, rows, warnings}; kept for the calls below. */
  loadFile: (report, bytes, name, sheet) => keep(hr.parseRoster(bytes, name, sheet ?? undefined, report), bytes, name),
  /** Another sheet of the workbook loaded last (issue 15 item 2). */
  loadSheet: (report, sheet) => {
    if (!file) throw Object.assign(new Error('no workbook loaded'), { code: 'no_rows', path: '' });
    const { bytes, name } = file;
    return keep(hr.parseRoster(bytes, name, sheet, report), bytes, name);
  },
  loadSample: () => keep(hr.sampleRoster()),
  /** Employees kept by the page from an earlier visit. */
  loadEmployees: (_, employees) => keep(hr.parseRoster(new TextEncoder().encode(JSON.stringify(employees)), 'saved.json')),
  compare: (report, proposal, asOf) => hr.compareScenarios(null, proposal, need(), asOf, report),
  /** Cost over the years (issue 18): offsets 0 … years, baseline = the default policy. */
  project: (_, proposal, asOf, years, assign) => hr.projectScenarios(null, proposal, need(), asOf, years, assign),
  exportProjectionCsv: (_, proposal, asOf, years, assign) => hr.exportProjectionCsv(null, proposal, need(), asOf, years, assign),
  checkQuotas: () => hr.checkQuotas(null, need()),
  assignGrades: (_, asOf) => hr.assignGrades(null, need(), asOf),
  /** One person's breakdown under the proposal (the roster is paid once per proposal). */
  explain: (_, proposal, asOf, id) => paid(proposal, asOf).byId.get(id) ?? null,
  /** Everyone's breakdown under the proposal, for the payslip print view (issue 15 item 12). */
  payslips: (_, proposal, asOf) => paid(proposal, asOf).pay.results,
  exportCsv: (_, proposal, asOf, lang) => hr.exportRosterCsv(proposal, need(), asOf, lang),
  exportXlsx: (_, proposal, asOf, lang) => hr.exportRosterXlsx(proposal, need(), asOf, lang),
  /** Baseline (the default policy), proposal and difference per person and component. */
  exportComparisonCsv: (_, proposal, asOf, lang) => hr.exportComparisonCsv(null, proposal, need(), asOf, lang),
  exportComparisonXlsx: (_, proposal, asOf, lang) => hr.exportComparisonXlsx(null, proposal, need(), asOf, lang),
  exportPayslipsXlsx: (_, proposal, asOf, lang) => hr.exportPayslipsXlsx(proposal, need(), asOf, lang),
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
