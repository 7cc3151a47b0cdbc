// Issue 17: the team page as one file from file://, the page defects a new user met (each
// test names its defect), accessibility (axe-core, keyboard, visible focus).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { axeProblems, brokenWords, fillExample1, launch, ready } from './helpers.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

const TEAM_FILE = new URL('../../dist/paygrade-team.html', import.meta.url);
const MYPAY_FILE = new URL('../../dist/paygrade.html', import.meta.url);
const shot = (page, name) => page.screenshot({ path: fileURLToPath(new URL(`../../target/${name}.png`, import.meta.url)), fullPage: true });
const teamReady = (page) => page.waitForFunction(() => window.paygradeTeam?.ready);
const COEF_B = '[data-path="ladder[2].bands[1].coefficient"]';

/** A fresh page (own storage state kept by the context) at `width` px, errors recorded. */
async function newPage(width = 1280) {
  const page = await b.context.newPage();
  await page.setViewportSize({ width, height: 800 });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}
async function team(page, lang = 'zh', url = `${b.base}team.html`) {
  await page.goto(`${url}?lang=${lang}`);
  await teamReady(page);
  await page.click('#reset-proposal');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('71'));
}
async function raiseB(page) {
  await page.fill(COEF_B, '1.50');
  await page.waitForFunction(() => document.querySelector('.total-diff')?.textContent === '+990.00');
}
const horizontalOverflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('dist/paygrade-team.html from file://: sample, +0.10 edit, charts, export, links, 0 requests', async () => {
  assert.ok(existsSync(TEAM_FILE), 'run `make build` first');
  const { page, errors } = await newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await page.goto(`${TEAM_FILE.href}?lang=zh`);
  await teamReady(page);
  assert.match(await page.locator('#roster-info').innerText(), /71/);
  await raiseB(page);
  assert.match(await page.locator('#totals-table').innerText(), /\+11,880\.00/);
  // The charts' module is decoded only when they are opened.
  assert.equal(await page.$('#chart-cost svg'), null);
  await page.click('#charts > summary');
  await page.waitForSelector('#chart-cost svg');
  assert.equal(await page.getAttribute('#chart-cost svg', 'aria-label'), '各项工资月合计：基准与方案');
  assert.equal(await page.locator('#quota-table tbody tr').count(), 3);
  assert.ok(await page.locator('#assign-table tbody tr').count() > 0);
  const [csvFile] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.equal(csvFile.suggestedFilename(), 'paygrade-花名册结果.csv');
  const [xlsxFile] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
  assert.equal(xlsxFile.suggestedFilename(), 'paygrade-花名册结果.xlsx');
  assert.equal(downloads.length, 2);
  // The report: print styles hide everything but the comparison and the cost over the years.
  await page.evaluate(() => document.body.classList.add('report'));
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await page.$$eval('main.team > section', (s) => s.map((x) => [x.id, getComputedStyle(x).display !== 'none'])),
    [['roster-panel', false], ['policy-panel', false], ['compare-panel', true], ['projection-panel', true], ['charts-panel', false], ['people-panel', false], ['quota-panel', false]]);
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.classList.remove('report'));
  // An uploaded roster file.
  const csv = '工号,姓名,等级,档次,用工性质,岗位年限,综合得分\nF1,甲,中级,B,聘用,12,88\n';
  await page.setInputFiles('#file', { name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('one.csv'));
  assert.equal(await page.locator('#people-table tbody tr[data-id]').count(), 1);
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('71'));
  // Links resolve beside each other, in the page's language.
  const back = await page.$eval('#to-mypay', (a) => a.href);
  assert.equal(back, new URL('paygrade.html?lang=zh', TEAM_FILE).href);
  await page.click('#lang');
  assert.equal(await page.$eval('#to-mypay', (a) => a.href), new URL('paygrade.html?lang=en', TEAM_FILE).href);
  await page.click('#to-mypay');
  await ready(page);
  assert.equal(await page.locator('h2').first().innerText(), 'My pay');
  assert.equal(await page.$eval('#to-team', (a) => a.href), new URL('paygrade-team.html?lang=en', MYPAY_FILE).href);
  assert.equal(await page.locator('#to-team').innerText(), 'Team and policy modelling →');
  await page.click('#lang');
  assert.equal(await page.locator('#to-team').innerText(), '团队与政策模拟 →');
  const network = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(network, []);
  assert.deepEqual(errors, []);
  await page.close();
  console.log(`dist/paygrade-team.html: ${statSync(TEAM_FILE).size} bytes`);
});

test('defect: a share link no longer widens the page; it wraps in its box with a copy button', async () => {
  const { page } = await newPage(1280);
  await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: b.base.slice(0, -1) });
  await team(page);
  await raiseB(page);
  await page.click('#share');
  await page.waitForFunction(() => document.querySelector('#share-link').textContent.startsWith('http'));
  const link = await page.locator('#share-link').innerText();
  assert.equal(link, page.url());
  assert.ok(link.length > 1000, `a long link (${link.length} characters)`);
  assert.equal(await horizontalOverflow(page), 0);
  const box = await page.$eval('#share-link', (e) => ({ w: e.getBoundingClientRect().right, sw: e.scrollWidth, cw: e.clientWidth }));
  assert.ok(box.w <= 1280 && box.sw <= box.cw, JSON.stringify(box));
  await page.click('#share-copy');
  await page.waitForFunction(() => document.querySelector('#share-copied').textContent !== '');
  assert.equal(await page.locator('#share-copied').innerText(), '已复制到剪贴板。');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  // English switch: the note follows the language (defect: it stayed Chinese).
  await page.click('#lang');
  assert.equal(await page.locator('#share-note').innerText(), 'The link carries the whole policy after #, which is never sent to a server:');
  assert.equal(await page.locator('#share-link').innerText(), link);
  await page.close();
});

test('defect: a person\'s explanation opens right below their row, in view, and follows the language', async () => {
  const { page } = await newPage(1280);
  await team(page);
  // The person, then their row by id: the table may be drawn again between the two steps
  // (a later phase of the run), and a row by position would then be someone else.
  const id = await page.locator('#people-table tbody tr[data-id]').nth(40).getAttribute('data-id');
  await page.locator(`#people-table tbody tr[data-id="${id}"]`).click();
  await page.waitForFunction(() => /基本岗位工资/.test(document.getElementById('explain').textContent));
  const where = await page.evaluate((who) => {
    const r = [...document.querySelectorAll('#people-table tr[data-id]')].find((x) => x.dataset.id === who).getBoundingClientRect();
    const e = document.getElementById('explain').getBoundingClientRect();
    return { gap: e.top - r.bottom, top: e.top, bottom: e.bottom, vh: innerHeight, next: document.getElementById('explain-row').previousElementSibling.dataset.id };
  }, id);
  assert.equal(where.next, id);
  assert.ok(where.gap >= 0 && where.gap < 20, JSON.stringify(where));
  assert.ok(where.top >= 0 && where.bottom <= where.vh, `in view: ${JSON.stringify(where)}`);
  assert.match(await page.locator('#explain').innerText(), new RegExp(`^${id} .* · (见习|初级|中级|高级)( [A-C]档)? → `));
  await page.click('#lang');
  await page.waitForFunction(() => /Base wage/.test(document.getElementById('explain').textContent));
  assert.doesNotMatch(await page.locator('#explain').innerText(), /基本岗位工资|档/);
  await page.click('#lang');
  await page.close();
});

test('defect: money with thousands separators and signed gains; one way of writing grades', async () => {
  const { page } = await newPage(1280);
  await team(page);
  await raiseB(page);
  const totals = await page.locator('#totals-table tbody tr').allInnerTexts();
  for (const row of totals) for (const amount of row.split('\t').slice(1)) assert.match(amount, /^[+-]?\d{1,3}(,\d{3})*\.\d{2}$/, row);
  assert.ok(totals.some((r) => /\d,\d{3},\d{3}\.\d{2}/.test(r)), 'a total in the millions is grouped');
  const gains = await page.$$eval('#people-table td.gain', (tds) => tds.map((td) => td.textContent));
  assert.equal(gains.length, 10);
  for (const g of gains) assert.match(g, /^\+\d/);
  // Grades: "中级 B档" as on My pay, never "中级-B".
  const grades = await page.$$eval('#people-table tbody tr[data-id] td:nth-child(3)', (tds) => tds.map((td) => td.textContent));
  for (const g of grades) assert.match(g, /^(见习|(初级|中级|高级) [A-C]档)$/, g);
  assert.doesNotMatch(await page.locator('main').innerText(), /(初级|中级|高级)-[A-C]/);
  await page.click('#lang');
  const en = await page.$$eval('#people-table tbody tr[data-id] td:nth-child(3)', (tds) => tds.map((td) => td.textContent));
  for (const g of en) assert.match(g, /^(Trainee|(Junior|Intermediate|Senior) [A-C])$/, g);
  // My pay writes the same grade the same way.
  const mine = await b.context.newPage();
  await mine.goto(`${b.base}index.html?lang=zh`);
  await ready(mine);
  await fillExample1(mine);
  assert.equal(await mine.locator('#f-grade').innerText(), '中级 B档');
  assert.ok(grades.includes('中级 B档'));
  await mine.close();
  await page.close();
});

for (const lang of ['zh', 'en']) {
  test(`defect (${lang}): at 390 px no word breaks mid-word and the tables scroll inside their own boxes`, async () => {
    const { page } = await newPage(390);
    await team(page, lang);
    await raiseB(page);
    await page.click('#share');
    await page.waitForFunction(() => document.querySelector('#share-link').textContent !== '');
    await page.locator('#people-table tbody tr[data-id]').first().click();
    await page.waitForFunction(() => document.getElementById('explain').textContent.length > 5);
    await page.click('#charts > summary');
    await page.waitForSelector('#chart-cost svg');
    assert.equal(await horizontalOverflow(page), 0, 'the page itself is never wider than the phone');
    for (const id of ['totals-table', 'level-table', 'people-table', 'quota-table', 'assign-table']) {
      const m = await page.$eval(`#${id}`, (t) => {
        const box = t.closest('.scroll').getBoundingClientRect();
        const last = t.querySelector('thead th:last-child').getBoundingClientRect();
        return { boxRight: box.right, fits: t.scrollWidth <= t.closest('.scroll').clientWidth, scrolls: getComputedStyle(t.closest('.scroll')).overflowX };
      });
      assert.ok(m.boxRight <= 390, `${id}: its box ends inside the screen (${m.boxRight})`);
      assert.ok(m.fits || m.scrolls === 'auto', `${id}: fits or scrolls in its box`);
      // The comparison (and in Chinese the people table) show their difference column
      // without scrolling; English grade names (Intermediate B) are too wide for that.
      if (id === 'totals-table' || (id === 'people-table' && lang === 'zh')) assert.ok(m.fits, `${id}: fits the phone's width`);
    }
    // A chart is drawn at two thirds of its width: its title is on screen in Chinese.
    const title = await page.$eval('#chart-cost svg text', (t) => { const r = t.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.right)]; });
    if (lang === 'zh') assert.ok(title[0] >= 0 && title[1] <= 390, `the cost chart's title is on screen (${title})`);
    // A table that scrolls keeps its first column (the 工号) in view.
    assert.equal(await page.$eval('#assign-table td', (td) => getComputedStyle(td).position), 'sticky');
    // The 差额 / Difference column can be reached: scrolled into view inside its box.
    await page.$eval('#totals-table', (t) => { t.closest('.scroll').scrollLeft = 10_000; });
    const diff = await page.$eval('#totals-table thead th:last-child', (th) => th.getBoundingClientRect().right);
    assert.ok(diff <= 390, `the difference column is reachable (${diff})`);
    assert.deepEqual(await brokenWords(page, 'main'), []);
    await shot(page, `team-390-${lang}`);
    const mine = await newPage(390);
    await mine.page.goto(`${b.base}index.html?lang=${lang}`);
    await ready(mine.page);
    await fillExample1(mine.page);
    await mine.page.waitForFunction(() => document.getElementById('total').textContent === '3872.00');
    assert.equal(await horizontalOverflow(mine.page), 0);
    assert.deepEqual(await brokenWords(mine.page, 'main'), []);
    await mine.page.close();
    await page.close();
  });
}

test('defect: My pay\'s status does not say "left" (on a phone the form is above)', async () => {
  for (const width of [390, 1280]) {
    const { page } = await newPage(width);
    await page.goto(`${b.base}index.html?lang=zh`);
    await ready(page);
    await page.click('#reset');
    const status = await page.locator('#status').innerText();
    assert.equal(status, '请填写“我的月薪”表单，结果会随输入即时更新。');
    const form = await page.$eval('#mypay', (f) => f.getBoundingClientRect());
    const result = await page.$eval('#result', (r) => r.getBoundingClientRect());
    // The layout the text must fit: side by side at 1280, stacked at 390.
    assert.equal(width === 390 ? form.bottom <= result.top : form.right <= result.left, true);
    await page.close();
  }
});

test('defect: no developer timing in My pay\'s footer', async () => {
  const { page } = await newPage();
  await page.goto(`${b.base}index.html?lang=zh`);
  await ready(page);
  await fillExample1(page);
  assert.equal(await page.locator('#total').innerText(), '3872.00');
  assert.equal(await page.locator('footer').innerText(), 'Paygrade · 薪酬数据只在本机处理');
  await page.close();
});

test('defect: printing My pay shows no placeholder as a value and no empty take-home/scorecard boxes', async () => {
  const { page } = await newPage();
  await page.goto(`${b.base}index.html?lang=zh`);
  await ready(page);
  await fillExample1(page);
  assert.equal(await page.inputValue('#paid_days'), '');
  await page.emulateMedia({ media: 'print' });
  const ph = await page.$eval('#paid_days', (i) => getComputedStyle(i, '::placeholder').color);
  assert.equal(ph, 'rgba(0, 0, 0, 0)');
  assert.deepEqual(await page.$$eval('#scorecard, #takehome', (s) => s.map((x) => getComputedStyle(x).display)), ['none', 'none']);
  await page.emulateMedia({ media: 'screen' });
  assert.notEqual(await page.$eval('#paid_days', (i) => getComputedStyle(i, '::placeholder').color), 'rgba(0, 0, 0, 0)');
  // Once opened, the take-home part prints.
  await page.click('#th_go');
  await page.waitForSelector('#th_body:not([hidden])');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.$eval('#takehome', (x) => getComputedStyle(x).display), 'block');
  assert.equal(await page.$eval('#scorecard', (x) => getComputedStyle(x).display), 'none');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => localStorage.removeItem('paygrade.takehome.v1'));
  await page.close();
});

test('defect: a trainee\'s what-if has no band: "升一级", not "升一级（同档）"', async () => {
  const { page } = await newPage();
  await page.goto(`${b.base}index.html?lang=zh`);
  await ready(page);
  await fillExample1(page);
  assert.match(await page.locator('#wi-level .wi-label').innerText(), /^升一级（同档）：高级 B档$/);
  await page.selectOption('#level', 'trainee');
  await page.waitForFunction(() => document.querySelector('#f-grade').textContent === '见习');
  assert.equal(await page.locator('#wi-level .wi-label').innerText(), '升一级：初级 C档');
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('#wi-level .wi-label').innerText(), 'One level up: Junior C');
  await page.click('#lang');
  await page.click('#reset');
  await page.close();
});

for (const lang of ['zh', 'en']) {
  test(`axe-core (${lang}): 0 serious or critical violations on My pay and the team page`, async () => {
    const { page } = await newPage();
    await page.goto(`${b.base}index.html?lang=${lang}`);
    await ready(page);
    await fillExample1(page);
    assert.deepEqual(await axeProblems(page), [], 'My pay');
    await page.click('#th_go');
    await page.waitForSelector('#th_body:not([hidden])');
    await page.click('#sc_go');
    await page.waitForSelector('#sc_body:not([hidden])');
    assert.deepEqual(await axeProblems(page), [], 'My pay with take-home and scorecard open');
    await page.evaluate(() => localStorage.removeItem('paygrade.takehome.v1'));
    await team(page, lang);
    await raiseB(page);
    await page.click('#share');
    await page.waitForFunction(() => document.querySelector('#share-link').textContent !== '');
    await page.locator('#people-table tbody tr[data-id]').first().click();
    await page.click('#charts > summary');
    await page.waitForSelector('#chart-cost svg');
    assert.deepEqual(await axeProblems(page), [], 'team page');
    // The single files too.
    await page.goto(`${MYPAY_FILE.href}?lang=${lang}`);
    await ready(page);
    assert.deepEqual(await axeProblems(page), [], 'dist/paygrade.html');
    await page.goto(`${TEAM_FILE.href}?lang=${lang}`);
    await teamReady(page);
    assert.deepEqual(await axeProblems(page), [], 'dist/paygrade-team.html');
    await page.close();
  });
}

test('keyboard: people rows, sorting, editor add/remove and the chart toggle work from the keyboard; focus is visible', async () => {
  const { page } = await newPage();
  await team(page);
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    const s = getComputedStyle(e);
    return { id: e.id, cls: e.className, text: e.textContent.trim().slice(0, 30), outline: s.outlineStyle, width: s.outlineWidth, action: e.dataset.action ?? '' };
  });
  // Tab from the search box to the first person's button (past the level filter, exports, sort buttons, the table's box).
  await page.focus('#search');
  let f;
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    f = await focused();
    assert.notEqual(f.outline, 'none', `focus is visible on ${JSON.stringify(f)}`);
    if (f.cls === 'row-open') break;
  }
  assert.equal(f.cls, 'row-open');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.getElementById('explain').hidden && /基本岗位工资/.test(document.getElementById('explain').textContent));
  assert.equal(await page.$eval('#explain-row', (r) => r.previousElementSibling.dataset.id), f.text);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('explain').hidden);
  // Sorting by keyboard.
  // (The engine sorts: each press draws the page it answers; the focus stays on the button.)
  const sorted = (dir) => page.waitForFunction((d) => document.querySelector('#people-table th[aria-sort]')?.getAttribute('aria-sort') === d
    && !document.getElementById('people-table').hasAttribute('aria-busy'), dir);
  await page.focus('#people-table th button[data-sort="id"]');
  await page.keyboard.press('Enter');
  await sorted('descending');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.sort), 'id');
  await page.keyboard.press('Enter');
  await sorted('ascending');
  const ids = await page.$$eval('#people-table tbody tr[data-id]', (rs) => rs.map((r) => r.dataset.id));
  assert.deepEqual(ids, [...ids].sort((x, y) => x.localeCompare(y)));
  // Editor: add a band with Enter, remove it with Space.
  await page.focus('button[data-action="add-band"][data-target="ladder[2]"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue('[data-path="ladder[2].bands[3].band"]'), 'D');
  await page.focus('button[data-action="remove-band"][data-target="ladder[2].bands[3]"]');
  await page.keyboard.press(' ');
  assert.equal(await page.$('[data-path="ladder[2].bands[3].band"]'), null);
  // The chart toggle.
  await page.focus('#charts > summary');
  assert.notEqual((await focused()).outline, 'none');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#chart-cost svg');
  assert.equal(await page.$eval('#charts', (d) => d.open), true);
  await page.close();
});

test('screenshots: both single files from file://, zh and en, 1280 and 390 px', async () => {
  for (const [name, file, wait] of [['mypay', MYPAY_FILE, ready], ['team', TEAM_FILE, teamReady]]) {
    for (const lang of ['zh', 'en']) {
      for (const width of [1280, 390]) {
        const { page, errors } = await newPage(width);
        await page.goto(`${file.href}?lang=${lang}`);
        await wait(page);
        if (name === 'mypay') await fillExample1(page);
        else await page.waitForFunction(() => document.querySelector('#roster-info').textContent.includes('71'));
        assert.equal(await horizontalOverflow(page), 0, `${name} ${lang} ${width}`);
        await shot(page, `dist-${name}-${lang}-${width}`);
        assert.deepEqual(errors, []);
        await page.close();
      }
    }
  }
});
