// The HR engine in a Web Worker: big rosters are parsed, paid and compared here, so the
// page stays responsive. Messages: {id, cmd, args} → {id, result} or {id, error}.
import init, * as hr from './pkg/paygrade_hr.js';

const ready = init();
const CALLS = new Set(['defaultPolicy', 'validatePolicy', 'sampleRoster', 'parseRoster', 'computeRoster',
  'checkQuotas', 'assignGrades', 'compareScenarios', 'exportRosterCsv', 'exportRosterXlsx']);

self.onmessage = async (event) => {
  const { id, cmd, args } = event.data;
  try {
    await ready;
    if (!CALLS.has(cmd)) throw new Error(`unknown call ${cmd}`);
    self.postMessage({ id, result: hr[cmd](...args) });
  } catch (err) {
    self.postMessage({ id, error: { code: err.code ?? 'internal', path: err.path ?? '', message: err.message ?? String(err),
      message_zh: err.message_zh ?? err.message, message_en: err.message_en ?? err.message } });
  }
};
