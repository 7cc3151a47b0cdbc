// Browser tests of the team page's charts (issue 5): plotters' SVG from the lazily
// loaded `paygrade_charts` module, in both languages, with no CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { launch } from './helpers.mjs';

let b;
before(async () => { b = await launch(); await b.page.setViewportSize({ width: 1280, height: 900 }); });
after(async () => { await b?.close(); });
const shot = (name) => b.page.locator('#charts-panel').screenshot({ path: fileURLToPath(new URL(`../../target/${name}.png`, import.meta.url)) });
const chartTexts = () => b.page.$$eval('#charts svg', (svgs) => svgs.map((s) => [...s.querySelectorAll('text')].map((t) => t.textContent.trim())));
const loaded = () => b.requests.filter((u) => u.includes('paygrade_charts'));

test('the chart module loads only when the charts are opened', async () => {
  await b.page.goto(`${b.base}team.html`);
  await b.page.waitForFunction(() => window.paygradeTeam?.ready);
  assert.deepEqual(loaded(), []);
  await b.page.goto(`${b.base}index.html`);
  await b.page.waitForFunction(() => window.paygrade !== undefined);
  assert.deepEqual(loaded(), [], 'never on the My-pay page');
});

test('three charts in Chinese, then in English, titled with axes and units', async () => {
  const { page } = b;
  await page.goto(`${b.base}team.html`);
  await page.waitForFunction(() => window.paygradeTeam?.ready);
  await page.click('#charts summary');
  await page.waitForFunction(() => document.querySelectorAll('#charts svg').length === 3);
  assert.ok(loaded().length >= 2, 'paygrade_charts.js and its wasm');
  let [cost, dist, diff] = await chartTexts();
  assert.equal(cost[0], '各项工资月合计：基准与方案');
  assert.ok(cost.includes('金额（元/月）') && cost.includes('基本岗位工资') && cost.includes('基准') && cost.includes('方案'));
  assert.equal(dist[0], '各等级月薪分布（最小、四分位、中位、最大）');
  assert.deepEqual(dist.filter((t) => ['见习', '初级', '中级', '高级'].includes(t)), ['见习', '初级', '中级', '高级']);
  assert.equal(diff[0], '每人月薪差额分布（方案 − 基准）');
  assert.ok(diff.includes('差额（元/月）') && diff.includes('人数'));
  assert.equal(await page.getAttribute('#chart-cost svg', 'aria-label'), '各项工资月合计：基准与方案');
  await shot('team-charts-zh');

  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('#chart-cost svg text')?.textContent.trim().startsWith('Monthly cost'));
  [cost, dist, diff] = await chartTexts();
  assert.ok(cost.includes('Amount (CNY per month)') && cost.includes('Seniority pay') && cost.includes('Proposal'));
  assert.equal(dist[0], 'Monthly pay per level (min, quartiles, median, max)');
  assert.ok(diff.includes('Difference (CNY per month)') && diff.includes('People'));
  await shot('team-charts-en');
  await page.click('#lang');
});

test('a proposal edit redraws the charts: the performance bar shows 90,420', async () => {
  const { page } = b;
  await page.fill('[data-path="ladder[2].bands[1].coefficient"]', '1.50');
  await page.waitForFunction(() => [...document.querySelectorAll('#chart-cost svg text')].some((t) => t.textContent.trim() === '90,420'));
  const [cost, , diff] = await chartTexts();
  // Performance pay: baseline 89430, proposal 89430 + 990 = 90420 (arithmetic in tests/scenario.rs).
  assert.ok(cost.includes('89,430') && cost.includes('90,420'));
  assert.ok(diff.includes('100'), 'the histogram reaches the +100 bin');
});

test('no CSP violation, console error or foreign request', async () => {
  assert.deepEqual(b.consoleErrors, []);
  const foreign = b.requests.filter((u) => !u.startsWith(b.base) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
});
