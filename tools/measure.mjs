// Measure the page's budgets in headless Chromium (issue 3): gzipped bytes loaded before
// the first result, time from navigation to first result, and the median time of one
// computePay call (100 batches of 100 calls, after a warm-up). Prints `name value` lines.
import { gzipSync } from 'node:zlib';
import { launch } from '../tests/e2e/helpers.mjs';

const b = await launch();
const bodies = [];
b.page.on('response', async (r) => {
  try { bodies.push({ url: r.url(), bytes: (await r.body()).length, gz: gzipSync(await r.body(), { level: 9 }).length }); } catch { /* redirects */ }
});
await b.page.goto(b.base);
await b.page.waitForFunction(() => window.paygrade !== undefined);
await b.page.fill('#years_in_post', '12');
for (const [id, v] of [['business', '92'], ['customer_satisfaction', '88'], ['supplier', '85'], ['self', '95'], ['marketing_audit', '80']]) {
  await b.page.fill(`#${id}`, v);
}
await b.page.waitForFunction(() => window.paygrade.firstResultMs() !== null);
const first = await b.page.evaluate(() => window.paygrade.firstResultMs());
const nav = await b.page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
// The first load: what the page fetched up to its first result (the timing below loads
// the engine's glue again on its own, since the page carries it bundled in app.min.js).
const loaded = [...bodies];
const perCall = await b.page.evaluate(async () => {
  const m = await import('./pkg/paygrade.js');
  await m.default();
  const e = { id: 'E001', level: 'intermediate', band: 'B', employment: 'contract', years_in_post: 12, rural: true,
    scores: { business: '92', customer_satisfaction: '88', supplier: '85', self: '95', marketing_audit: '80' } };
  const batches = [];
  for (let i = 0; i < 110; i++) {
    const t = performance.now();
    for (let j = 0; j < 100; j++) m.computePay(null, e, '2026-11-30');
    batches.push((performance.now() - t) / 100);
  }
  const s = batches.slice(10).sort((x, y) => x - y);
  return s[s.length >> 1] * 1000;
});
await b.close();
const gz = loaded.reduce((n, x) => n + x.gz, 0);
for (const x of loaded) console.log(`file ${x.url.replace(b.base, '/')} ${x.bytes} bytes, ${x.gz} gz`);
console.log(`bytes first_load_gz ${gz}`);
console.log(`ms dom_content_loaded ${nav.toFixed(1)}`);
console.log(`ms first_result_after_typing_started ${first.toFixed(1)}`);
console.log(`wasm_compute_pay_us ${perCall.toFixed(2)}`);
