// The team page's charts (issue 5): cost by component, pay per level, per-person
// differences. Drawn by plotters' SVG backend in the `paygrade_charts` wasm module, which
// loads on the main thread the first time the charts are opened (plotters measures label
// widths in the page, which a Web Worker has none of) — never on the "My pay" first load.
// The SVG text comes from the engine with every label escaped; it is parsed as SVG (no
// scripts run) and imported as nodes.

let engine = null;
function load() {
  engine ??= import('./pkg/paygrade_charts.js').then(async (m) => { await m.default(inlineWasm()); return m; });
  return engine;
}
/** The single-file build (dist/paygrade-team.html) carries this module's wasm as base64
 * in a data block, decoded here, the first time the charts open; served, undefined
 * (the module fetches its .wasm file). */
function inlineWasm() {
  const block = document.getElementById('paygrade-charts-wasm');
  if (!block) return undefined;
  const bin = atob(block.textContent.trim());
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return { module_or_path: bytes };
}

const KINDS = ['cost', 'distribution', 'differences'];

/**
 * Mount the charts in `details` (a <details> element holding #chart-cost,
 * #chart-distribution, #chart-differences and #chart-error). `comparison()` gives the
 * latest comparison, every person in it (a promise: the page asks the engine for it when
 * the charts are open; the same promise until a new result), or null; `lang()` the page
 * language ('zh' | 'en'), `message(err)` the engine error in that language. Returns
 * `update()`, to call after each new result.
 * @param {HTMLDetailsElement} details
 * @param {{ comparison: () => Promise<import('./pkg/paygrade_charts.js').Comparison> | null, lang: () => string,
 *   message: (err: any) => string }} hooks
 */
export function mountCharts(details, { comparison, lang, message }) {
  let drawn = null;
  async function update() {
    if (!details.open) return;
    const pending = comparison();
    if (!pending) return;
    const key = lang();
    if (drawn?.pending === pending && drawn.key === key) return;
    const error = details.querySelector('#chart-error');
    try {
      const [m, c] = await Promise.all([load(), pending]);
      if (comparison() !== pending || lang() !== key) return; // a newer result (or language) arrived meanwhile
      const svgs = m.renderCharts(c, key);
      for (const kind of KINDS) {
        const doc = new DOMParser().parseFromString(svgs[kind], 'image/svg+xml');
        const svg = document.importNode(doc.documentElement, true);
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', svg.querySelector('text')?.textContent.trim() ?? kind);
        details.querySelector(`#chart-${kind}`).replaceChildren(svg);
      }
      error.textContent = '';
      drawn = { pending, key };
    } catch (err) {
      error.textContent = message(err);
    }
  }
  details.addEventListener('toggle', update);
  return update;
}

/**
 * Draw the projection chart (issue 18: baseline vs proposal monthly cost by year, with
 * the difference) into `figure` from a `projectScenarios` result, in `lang`. Throws the
 * engine's error (the caller shows it in the reader's language).
 */
export async function drawProjection(figure, projection, lang) {
  const m = await load();
  const text = m.renderProjectionChart(projection, lang);
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = document.importNode(doc.documentElement, true);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', svg.querySelector('text')?.textContent.trim() ?? 'projection');
  figure.replaceChildren(svg);
}
