// Browser end-to-end test of a 100,000-row upload on the team page (issue 5): the
// progress bar advances while the worker parses, pays and compares; the page answers
// throughout; the results arrive; nothing leaves 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './helpers.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

/** A roster of `n` people with the Chinese headers HR files use; deterministic. */
function roster(n) {
  const levels = [['初级', 'C'], ['初级', 'B'], ['中级', 'C'], ['中级', 'B'], ['中级', 'A'], ['高级', 'B'], ['见习', '']];
  const lines = ['工号,姓名,等级,档次,用工性质,岗位年限,综合得分'];
  for (let i = 0; i < n; i++) {
    const [level, band] = levels[i % levels.length];
    lines.push(`B${String(i).padStart(6, '0')},员工${i},${level},${band},${i % 3 ? '聘用' : '在册'},${i % 25},${60 + (i * 7) % 40}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

test('a 100,000-row upload shows progress, stays responsive and completes', async () => {
  const { page } = b;
  await page.goto(`${b.base}team.html`);
  await page.waitForFunction(() => window.paygradeTeam?.ready);
  // Record every value the bar shows (<progress>.value reflects to its attribute).
  await page.evaluate(() => {
    window.__bar = [];
    const bar = document.getElementById('progress-bar');
    new MutationObserver(() => window.__bar.push(Number(bar.value))).observe(bar, { attributes: true, attributeFilter: ['value'] });
  });
  await page.setInputFiles('#file', { name: 'big.csv', mimeType: 'text/csv', buffer: roster(100_000) });
  // While the worker computes, the page's own thread keeps answering: each poll is a
  // round trip through it.
  let polls = 0;
  const seen = new Set();
  for (;;) {
    const [visible, value, info] = await page.evaluate(() => [!document.getElementById('progress').hidden,
      document.getElementById('progress-pct').textContent, document.getElementById('roster-info').textContent]);
    polls += 1;
    if (visible) seen.add(value);
    if (info.includes('big.csv')) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const values = await page.evaluate(() => window.__bar);
  const between = values.filter((v) => v > 0 && v < 100);
  assert.ok(new Set(between).size >= 10, `the bar moved through ${JSON.stringify([...new Set(values)])}`);
  for (let i = 1; i < values.length; i++) {
    if (values[i] !== 0) assert.ok(values[i] >= values[i - 1], `the bar never goes back: ${values[i - 1]} → ${values[i]}`);
  }
  // Each percentage seen was read by a round trip through the page's thread while the
  // worker computed (the upload takes well under a second now: a count of polls would
  // measure the machine, not the page).
  assert.ok(seen.size >= 3, `the page showed percentages while working: ${[...seen]} in ${polls} polls`);
  assert.match(await page.innerText('#roster-info'), /^100,000 人/);
  const counts = await Promise.all(['gain', 'lose', 'same'].map(async (k) => Number(await page.innerText(`#count-${k}`))));
  assert.deepEqual(counts, [0, 0, 100000], 'the proposal starts as the baseline');
  // The engine keeps the people: the page shows one page of 100 rows and the pager.
  assert.equal(await page.locator('#people-table tbody tr').count(), 100);
  assert.equal(await page.innerText('#people-pager .pager-status'), '第 1–100 行，共 100,000 行');
  // The first person's explanation comes from the worker on demand.
  await page.click('#people-table tbody tr:first-child');
  await page.waitForFunction(() => /基本岗位工资/.test(document.getElementById('explain').textContent));
  assert.equal(await page.isHidden('#progress'), true);
});

/** The pager's status once the table is drawn (no page request in flight). */
async function status(page) {
  await page.waitForFunction(() => !document.getElementById('people-table').hasAttribute('aria-busy'));
  return page.innerText('#people-pager .pager-status');
}
const ids = (page) => page.$$eval('#people-table tbody tr[data-id]', (rs) => rs.map((r) => r.dataset.id));

test('100,000 people: pages, sorting, the level filter and the search are answered by the engine', async () => {
  const { page } = b;
  // The roster cycles through seven grades: person i is intermediate when i % 7 is 2, 3
  // or 4 — 3 × 14,286 people (100,000 = 7 × 14,285 + 5).
  await page.click('#people-pager button[data-page="page_next"]');
  await page.waitForFunction(() => document.querySelector('#people-pager .pager-status').textContent.startsWith('第 101–200 行'));
  assert.equal(await status(page), '第 101–200 行，共 100,000 行');
  // By keyboard: the focus stays on the button used.
  await page.focus('#people-pager button[data-page="page_last"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#people-pager .pager-status').textContent.startsWith('第 99,901–100,000 行'));
  assert.equal(await page.$eval('#people-pager', (n) => document.activeElement?.closest('nav') === n), true);
  assert.equal(await page.isDisabled('#people-pager button[data-page="page_next"]'), true);
  // Sorting by id from the header: descending first, then ascending; back to the first page.
  await page.click('#people-table th button[data-sort="id"]');
  await page.waitForFunction(() => document.querySelector('#people-table th[aria-sort]')?.getAttribute('aria-sort') === 'descending');
  assert.equal(await status(page), '第 1–100 行，共 100,000 行');
  assert.deepEqual((await ids(page)).slice(0, 2), ['B099999', 'B099998']);
  await page.click('#people-table th button[data-sort="id"]');
  await page.waitForFunction(() => document.querySelector('#people-table th[aria-sort]')?.getAttribute('aria-sort') === 'ascending');
  await status(page);
  assert.deepEqual((await ids(page)).slice(0, 3), ['B000000', 'B000001', 'B000002']);
  // The level filter and the search.
  await page.selectOption('#filter-level', 'intermediate');
  await page.waitForFunction(() => /共 42,858 行/.test(document.querySelector('#people-pager .pager-status').textContent));
  assert.deepEqual((await ids(page)).slice(0, 3), ['B000002', 'B000003', 'B000004']);
  await page.fill('#search', 'b09999');
  await page.waitForFunction(() => document.querySelectorAll('#people-table tbody tr[data-id]').length === 6);
  // B099990 … B099999 whose i % 7 is 2, 3 or 4 (99,988 = 7 × 14,284): 99990–99992, 99997–99999.
  assert.deepEqual(await ids(page), ['B099990', 'B099991', 'B099992', 'B099997', 'B099998', 'B099999']);
  assert.equal(await page.isHidden('#people-pager'), true, 'one page: no pager');
  await page.fill('#search', '员工99993'); // a senior
  await page.waitForFunction(() => document.querySelectorAll('#people-table tbody tr[data-id]').length === 0);
  assert.equal(await page.innerText('#people-pager .pager-status'), '没有符合条件的人员');
  await page.fill('#search', '');
  await page.selectOption('#filter-level', '');
  await page.waitForFunction(() => /共 100,000 行/.test(document.querySelector('#people-pager .pager-status').textContent));
  // The cost over the years is worked out when asked for at this size (issue 16: it pays
  // the roster twice a year and would hold up the next edit): a note and a button, no table.
  assert.equal(await page.locator('#projection-table tbody tr').count(), 0);
  assert.equal(await page.innerText('#projection-on-demand'),
    '花名册人数较多（100,000 人）：逐年成本不随每次修改自动计算，需要时点击“计算逐年成本”（约需数秒）。');
  assert.equal(await page.isVisible('#run-projection'), true);
  await page.click('#run-projection');
  await page.waitForFunction(() => document.querySelectorAll('#projection-table tbody tr').length === 6, null, { timeout: 120000 });
  assert.equal(await page.innerText('#projection-on-demand'), '');
  // The payslip print view stops at 5,000 people and says to use the XLSX export.
  await page.click('#print-payslips');
  assert.equal(await page.innerText('#payslips-note'), '人数较多（100,000 人）：打印视图最多 5,000 人，请用“导出工资条 XLSX”。');
  assert.equal(await page.isHidden('#payslips'), true);
  // The proposal is the baseline: no difference in any year.
  const diffs = await page.$$eval('#projection-table tbody tr', (trs) => trs.map((tr) => tr.children[4].textContent.trim()));
  assert.deepEqual(diffs, ['0.00', '0.00', '0.00', '0.00', '0.00', '0.00']);
});

test('no request left 127.0.0.1 and the console stayed clean', async () => {
  const foreign = b.requests.filter((u) => !u.startsWith(b.base) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(b.consoleErrors, []);
});
