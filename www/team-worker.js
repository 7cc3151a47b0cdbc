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

function ws() {
  workspace ??= new hr.Workspace();
  return workspace;
}
/** The workspace, once a roster is in it. */
function need() {
  if (!workspace || workspace.size === 0) throw Object.assign(new Error('no roster loaded'), { code: 'no_rows', path: '' });
  return workspace;
}

// Loads answer a summary (size, warnings, sheets): the people stay in the engine. `run`
// pays baseline and proposal once, with quotas and assignment, keeps every result in the
// workspace and answers what the page shows; pages, explanations, payslips and the
// charts' data come from those kept results (the last successful run).
const COMMANDS = {
  defaultPolicy: () => hr.defaultPolicy(),
  validatePolicy: (_, policy) => hr.validatePolicy(policy),
  /** An uploaded File (read here, synchronously) → {size, warnings, sheets, sheet}; kept. */
  loadFile: (report, file, name, sheet) => ws().loadFile(file, name, sheet ?? undefined, report),
  /** Another sheet of the workbook loaded last (issue 15 item 2). */
  loadSheet: (report, sheet) => ws().loadSheet(sheet, report),
  loadSample: () => ws().loadSample(),
  /** Employees kept by the page from an earlier visit. */
  loadEmployees: (_, employees) => ws().loadEmployees(employees),
  /** The people kept, for the page to save a small roster. */
  employees: () => need().employees(),
  /** Comparison (baseline = the default policy), quotas, assignment and the first pages. */
  run: (report, proposal, asOf, query) => need().run(null, proposal, asOf, query, report),
  peoplePage: (_, query) => need().peoplePage(query),
  assignmentPage: (_, query) => need().assignmentPage(query),
  /** The last run as a whole comparison, for the charts (asked for when they open). */
  chartData: () => need().chartData(),
  /** One person's breakdown under the last run's proposal. */
  explain: (_, id) => need().explain(id),
  /** Everyone's breakdown under the last run's proposal, for the payslip print view (issue 15 item 12). */
  payslips: () => need().breakdowns(),
  /** Cost over the years (issue 18): offsets 0 … years, baseline = the default policy. */
  project: (_, proposal, asOf, years, assign) => need().projectScenarios(null, proposal, asOf, years, assign),
  exportProjectionCsv: (_, proposal, asOf, years, assign, lang) => need().exportProjectionCsv(null, proposal, asOf, years, assign, lang),
  exportCsv: (_, proposal, asOf, lang) => need().exportRosterCsv(proposal, asOf, lang),
  exportXlsx: (_, proposal, asOf, lang) => need().exportRosterXlsx(proposal, asOf, lang),
  /** Baseline (the default policy), proposal and difference per person and component. */
  exportComparisonCsv: (_, proposal, asOf, lang) => need().exportComparisonCsv(null, proposal, asOf, lang),
  exportComparisonXlsx: (_, proposal, asOf, lang) => need().exportComparisonXlsx(null, proposal, asOf, lang),
  exportPayslipsXlsx: (_, proposal, asOf, lang) => need().exportPayslipsXlsx(proposal, asOf, lang),
  /** A blank roster to fill in (the input columns, an example row, notes). */
  templateXlsx: (_, lang) => hr.rosterTemplateXlsx(lang),
};

/** Who roster person `index` is ({id, row}), for an error about them. */
function who(index) {
  if (typeof index !== 'number' || !workspace) return undefined;
  try { return workspace.person(index); } catch { return undefined; }
}

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
    // A load that fails keeps the roster before it: its people are not the file's, so an
    // error of a load is not given a person from the workspace.
    const kept = !String(cmd).startsWith('load');
    const fields = (e) => ({ code: e.code ?? 'internal', path: e.path ?? '', loc: e.loc ?? null, params: e.params ?? {},
      employee: e.employee, side: e.side, who: kept ? who(e.employee) : undefined, place_zh: e.place_zh ?? '', place_en: e.place_en ?? '',
      message_zh: e.message_zh ?? e.message ?? String(e), message_en: e.message_en ?? e.message ?? String(e) });
    self.postMessage({ id, error: { ...fields(err), message: err.message ?? String(err),
      problems: (err.problems ?? []).map(fields), more: err.more ?? 0 } });
  }
};
