// Browser tests of the team page's "逐年成本 / Cost over the years" panel (issue 18): the
// sample roster, the default policy against marginal seniority, N chosen by the user, an
// exact figure, the chart in both languages, no CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { launch } from './helpers.mjs';

let b;
before(async () => { b = await launch(); await b.page.setViewportSize({ width: 1280, height: 900 }); });
after(async () => { await b?.close(); });
const shot = (name) => b.page.locator('#projection-panel').screenshot({ path: fileURLToPath(new URL(`../../target/${name}.png`, import.meta.url)) });
const rows = () => b.page.locator('#projection-table tbody tr').allInnerTexts();
const cumulative = () => b.page.locator('#projection-cumulative').innerText();

test('marginal seniority over five years, then three: exact differences by year', async () => {
  const { page } = b;
  await page.goto(`${b.base}team.html`);
  await page.waitForFunction(() => window.paygradeTeam?.ready);
  await page.fill('#as_of', '2026-11-30');
  await page.locator('#as_of').dispatchEvent('change');
  await page.click('#json-details > summary');
  const p = JSON.parse(await page.inputValue('#proposal-json'));
  p.seniority.mode = 'marginal';
  await page.fill('#proposal-json', JSON.stringify(p, null, 2));
  await page.waitForFunction(() => document.querySelector('#policy-diff').textContent.includes('年功工资 方式'));
  assert.equal(await page.inputValue('#projection-years'), '5');
  await page.waitForFunction(() => document.querySelectorAll('#projection-table tbody tr').length === 6
    && document.querySelector('#projection-cumulative').textContent.includes('-6,480.00'));
  const five = await rows();
  // Year 0 is the comparison: marginal pays 40.00 a month less; by 2031 200.00 less
  // (the same figures as `paygrade project --years 5 --proposal marginal.json`).
  assert.equal(five[0].split('\t').slice(0, 8).join(' '), '2026 (+0) 2026-11-30 241,242.00 241,202.00 -40.00 2,894,904.00 2,894,424.00 -480.00');
  assert.equal(five[5].split('\t').slice(0, 8).join(' '), '2031 (+5) 2031-11-30 241,782.00 241,582.00 -200.00 2,901,384.00 2,898,984.00 -2,400.00');
  assert.equal(await page.locator('.total-diff').innerText(), '-40.00');
  assert.match(await cumulative(), /6 个年度累计年差额：-6,480\.00/);
  // Why 2029 costs more: seniority pay 118.00 more a month in all (`paygrade project`:
  // seniority_change), 64.00 of it from one who reached the threshold and two who moved
  // up a bracket.
  // A year a line, each side's reason a line below it.
  const year = page.locator('#projection-why > li').nth(3);
  assert.equal(await year.evaluate((li) => li.firstChild.textContent), '2029');
  const why = await year.locator('li').allInnerTexts();
  assert.equal(why.length, 2);
  assert.match(why[0], /^基准：年功工资合计每月变化 118\.00 元（每人多一年年限）；其中 1 人刚满年功门槛、2 人进入更高年功档，这部分增加 64\.00 元\/月/);
  assert.match(why[1], /^方案：年功工资合计每月变化 /);
  // The first year: both sides start there, said once.
  assert.deepEqual(await page.locator('#projection-why > li').first().locator('li').allInnerTexts(), ['基准与方案：起始年（计薪日期当年）']);
  await page.click('#projection-chart-box > summary');
  await page.waitForFunction(() => document.querySelector('#chart-projection svg text')?.textContent.trim().startsWith('逐年月度成本'));
  const labels = await page.$$eval('#chart-projection svg text', (ts) => ts.map((t) => t.textContent.trim()));
  assert.ok(labels.includes('2031') && labels.includes('-200') && labels.includes('基准') && labels.includes('方案'));
  await shot('team-projection-zh');

  await page.selectOption('#projection-years', '3');
  await page.waitForFunction(() => document.querySelectorAll('#projection-table tbody tr').length === 4);
  // −480 − 480 − 720 − 1200.
  assert.match(await cumulative(), /-2,880\.00/);

  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('#chart-projection svg text')?.textContent.trim().startsWith('Monthly cost by year'));
  assert.match(await cumulative(), /^Cumulative annual difference over 4 years: -2,880\.00/);
  assert.equal(await page.locator('#projection-panel h2').innerText(), 'Cost over the years');
  await page.selectOption('#projection-years', '5');
  await page.waitForFunction(() => document.querySelectorAll('#projection-table tbody tr').length === 6);
  await page.waitForFunction(() => [...document.querySelectorAll('#chart-projection svg text')].some((t) => t.textContent.trim() === '2031'));
  await shot('team-projection-en');
  await page.click('#lang');
});

test('the export holds every year', async () => {
  const { page } = b;
  // In the page's language: Chinese headers and side words, then English ones.
  const exported = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-projection')]);
    const text = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
    return text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  };
  let lines = await exported();
  assert.equal(lines[0], '第几年,计薪日期,口径,基本工资,浮动工资,年功工资,效益工资,月合计,年合计,领取年功人数,满门槛人数,进档人数,满门槛与进档增加（月）,累计年差额');
  assert.equal(lines.length, 1 + 6 * 3);
  assert.equal(lines.at(-1), '5,2031-11-30,差额,0.00,0.00,-200.00,0.00,-200.00,-2400.00,0,,,,-6480.00');
  await page.click('#lang');
  lines = await exported();
  await page.click('#lang');
  assert.equal(lines[0], 'offset,as_of,side,base,floating,seniority,performance,total,annual_total,seniority_headcount,crossed_threshold,crossed_bracket,crossings_amount,cumulative_annual_difference');
  assert.equal(lines.length, 1 + 6 * 3);
  assert.equal(lines.at(-1), '5,2031-11-30,difference,0.00,0.00,-200.00,0.00,-200.00,-2400.00,0,,,,-6480.00');
});

test('no CSP violation, console error or foreign request', async () => {
  assert.deepEqual(b.consoleErrors, []);
  const foreign = b.requests.filter((u) => !u.startsWith(b.base) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
});
