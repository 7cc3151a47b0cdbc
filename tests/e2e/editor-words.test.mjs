// Browser tests of the team page's policy editor in words (issue 14): every choice list,
// field label, tooltip and button name reads in the page's language — no engine id, no JSON
// key, no policy path — in every section, the take-home (`contributions`) and scorecard
// blocks included; option values and data-path stay the engine's. And the My-pay page's
// link opens the team page in its language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, ready } from './helpers.mjs';

let b;
before(async () => { b = await launch(); });
after(async () => { await b?.close(); });

/** Latin words (3+ letters) a Chinese page may show, and CJK an English one may. */
const LATIN_OK = new Set(['Paygrade', 'CSV', 'XLSX', 'JSON']);
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+/g;
const CJK_OK = new Set(['中文']);

/** Open the team page in `lang` with `edit(policy)` applied to the default proposal, every editor section open. */
async function openEditor(lang, edit = () => {}) {
  const { page } = b;
  await page.goto(`${b.base}team.html?lang=${lang}`);
  await page.waitForFunction(() => window.paygradeTeam?.ready);
  const policy = JSON.parse(await page.inputValue('#proposal-json'));
  edit(policy);
  if (!await page.$eval('#json-details', (d) => d.open)) await page.click('#json-details > summary');
  await page.fill('#proposal-json', JSON.stringify(policy, null, 2));
  await page.waitForFunction(() => document.querySelector('#err-policy').textContent === '');
  await page.evaluate(() => document.querySelectorAll('#policy-editor details').forEach((d) => { d.open = true; }));
  return page;
}

/** The take-home and scorecard presets, from the engine's own module. */
async function presets() {
  await b.page.goto(`${b.base}team.html`);
  return b.page.evaluate(async () => {
    const m = await import('./pkg/paygrade_extra.js');
    await m.default();
    return { contributions: m.contributionPresets(), scorecard: m.scorecardPresets() };
  });
}

/** Everything the editor shows or names: its text (option texts, labels, legends, notes,
 * buttons) and every title, aria-label and placeholder. Input values are data, not text. */
function editorWords() {
  return b.page.evaluate(() => {
    const root = document.querySelector('#policy-editor');
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (n.data.trim()) out.push(`<${el.tagName.toLowerCase()}> ${n.data.trim()}`);
    }
    for (const el of root.querySelectorAll('[title], [aria-label], [placeholder]')) {
      for (const a of ['title', 'aria-label', 'placeholder']) if (el.hasAttribute(a)) out.push(`${a}="${el.getAttribute(a)}"`);
    }
    return out;
  });
}
const latinIn = (words) => words.filter((w) => [...w.replace(/^<\w+> |^[\w-]+="/, '').matchAll(/[A-Za-z]{3,}/g)].some((m) => !LATIN_OK.has(m[0])));
const cjkIn = (words) => words.filter((w) => [...w.matchAll(CJK)].some((m) => !CJK_OK.has(m[0])));

const options = (sel) => b.page.$$eval(`${sel} option`, (os) => os.map((o) => [o.value, o.textContent]));
const attr = (sel, name) => b.page.getAttribute(sel, name);
const labelOf = (sel) => b.page.$eval(sel, (c) => c.closest('label').querySelector('span').textContent);

/** A policy with every block the editor shows: the default, a take-home and a scorecard
 * preset, one select left to its default, a level with its own names. */
const full = (p, { contributions, scorecard }) => (policy) => {
  policy.contributions = p.contributions[contributions];
  policy.scorecard = p.scorecard[scorecard];
  delete policy.seniority.leap_day_anniversary;
  policy.ladder[1].label_zh = '一级客户经理';
  policy.ladder[1].label_en = 'Account manager I';
};

test('in Chinese every choice, label, tooltip and button name of the editor is in words', async () => {
  const p = await presets();
  for (const [contributions, scorecard] of [['shanghai', 'tobacco'], ['beijing', 'bank']]) {
    const page = await openEditor('zh', full(p, { contributions, scorecard }));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.deepEqual(latinIn(await editorWords()), [], `${contributions} + ${scorecard}`);
  }
  // Choice lists: display names shown, the engine's ids kept as the values.
  assert.deepEqual(await options('[data-path="seniority.mode"]'), [['flat', '按所在段计全部年限'], ['marginal', '分段累进']]);
  assert.deepEqual(await options('[data-path="seniority.leap_day_anniversary"]'),
    [['', '— 默认 平年按2月28日'], ['feb_28', '平年按2月28日'], ['mar_01', '平年按3月1日']]);
  assert.deepEqual(await options('[data-path="rounding.mode"]'),
    [['half_up', '四舍五入'], ['half_even', '四舍六入五成双'], ['down', '直接舍去（向零）'], ['up', '只入不舍（远离零）']]);
  assert.deepEqual(await options('[data-path="quota.headcount"]'), [['all', '全部人员（含见习）'], ['graded', '仅已定档人员']]);
  assert.deepEqual(await options('[data-path="quota.seat_rounding"]'), [['floor', '向下取整'], ['half_up', '四舍五入'], ['ceil', '向上取整']]);
  assert.deepEqual(await options('[data-path="assignment.bands"]'), [['thirds', '按名次三等分'], ['thresholds', '按评分分数线']]);
  assert.deepEqual(await options('[data-path="assignment.requirements.intermediate.min_education"]'),
    [['none', '无'], ['secondary', '中专/高中'], ['associate', '大专'], ['bachelor', '本科'], ['master', '硕士'], ['doctorate', '博士']]);
  assert.deepEqual(await b.page.$$eval('fieldset[data-path="seniority.eligible_employment"] label', (ls) => ls.map((l) => [l.querySelector('input').value, l.textContent])),
    [['regular', '在册职工'], ['contract', '聘用工']]);
  assert.deepEqual(await options('[data-path="contributions.schemes[0].scheme"]'),
    [['pension', '养老保险'], ['medical', '医疗保险'], ['unemployment', '失业保险'], ['injury', '工伤保险'], ['maternity', '生育保险']]);
  assert.deepEqual(await options('[data-path="scorecard.indicators[4].direction"]'), [['higher_is_better', '越高越好'], ['lower_is_better', '越低越好']]);
  assert.equal(await b.page.inputValue('[data-path="scorecard.indicators[4].direction"]'), 'lower_is_better');
  // Levels by name (a policy's own label first), bands as 中级 B档, ratings by name.
  assert.deepEqual(await b.page.$$eval('fieldset.pe-level > legend', (ls) => ls.map((l) => l.textContent)),
    ['等级 1 · 见习', '等级 2 · 一级客户经理', '等级 3 · 中级', '等级 4 · 高级']);
  assert.deepEqual(await b.page.$$eval('.pe-req > .pe-key', (ks) => ks.map((k) => k.textContent)), ['一级客户经理', '中级', '高级']);
  assert.deepEqual(await b.page.$$eval('[data-path^="performance.assessment.table["][data-path$="].rating"]', (is) => is.map((i) => i.closest('label').textContent)),
    ['评级代码（优秀）', '评级代码（良好）', '评级代码（合格）', '评级代码（基本合格）', '评级代码（不合格）']);
  // A level's and a rating's id is a code the files and the policy use (trainee, good):
  // its field says so, beside the name the legend and label give.
  assert.equal(await b.page.$eval('[data-path="ladder[0].level"]', (i) => i.closest('label').firstChild.textContent), '等级代码');
  // Tooltips and button names say where, in words; data-path stays the engine's path.
  assert.equal(await attr('[data-path="ladder[2].bands[1].coefficient"]', 'title'), '中级 B档 · 效益工资系数');
  assert.equal(await attr('[data-action="remove-band"][data-target="ladder[2].bands[1]"]', 'aria-label'), '删除 中级 B档');
  assert.equal(await attr('[data-action="remove-band"][data-target="ladder[1].bands[0]"]', 'aria-label'), '删除 一级客户经理 C档');
  assert.equal(await attr('[data-action="remove-bracket"][data-target="seniority.brackets[1]"]', 'aria-label'), '删除 第 2 段');
  assert.equal(await attr('[data-action="remove-row"][data-target="performance.assessment.table[0]"]', 'aria-label'), '删除 第 1 行（优秀）');
  assert.equal(await attr('[data-action="remove-requirement"][data-target="assignment.requirements.senior"]', 'aria-label'), '删除 高级的条件');
  assert.equal(await attr('[data-path="assignment.requirements.senior.min_years_in_post"]', 'title'), '年度等级评定 · 高级 · 最少岗位年限');
  // The take-home and scorecard blocks: every key by name.
  assert.equal(await labelOf('[data-path="contributions.effective_from"]'), '生效日期');
  assert.equal(await labelOf('[data-path="contributions.schemes[1].employee_rate"]'), '个人缴费比例');
  assert.equal(await attr('[data-path="contributions.housing_fund_base.floor"]', 'title'), '社保与公积金（到手工资） · 公积金缴费基数 · 下限');
  assert.equal(await attr('[data-action="remove-item"][data-target="contributions.schemes[1]"]', 'aria-label'), '删除 医疗保险');
  assert.equal(await labelOf('[data-path="scorecard.indicators[0].name_zh"]'), '中文名称');
  assert.equal(await labelOf('[data-path="scorecard.indicators[0].cap"]'), '达成率上限（封顶）');
  assert.equal(await attr('[data-path="scorecard.indicators[0].weight"]', 'title'), '营销目标考核表 · 日均存款 · 权重');
  // A choice made in words writes the id.
  await b.page.selectOption('[data-path="seniority.mode"]', { label: '分段累进' });
  assert.equal(JSON.parse(await b.page.inputValue('#proposal-json')).seniority.mode, 'marginal');
});

test('in English the same editor has no Chinese', async () => {
  const p = await presets();
  for (const [contributions, scorecard] of [['shanghai', 'tobacco'], ['beijing', 'bank']]) {
    const page = await openEditor('en', full(p, { contributions, scorecard }));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual(cjkIn(await editorWords()), [], `${contributions} + ${scorecard}`);
  }
  assert.deepEqual(await options('[data-path="seniority.mode"]'),
    [['flat', 'All years at the reached bracket’s rate'], ['marginal', 'Each year at its own bracket’s rate']]);
  assert.deepEqual(await options('[data-path="seniority.leap_day_anniversary"]'),
    [['', '— default 28 February in common years'], ['feb_28', '28 February in common years'], ['mar_01', '1 March in common years']]);
  assert.deepEqual(await b.page.$$eval('fieldset.pe-level > legend', (ls) => ls.map((l) => l.textContent)),
    ['Level 1 · Trainee', 'Level 2 · Account manager I', 'Level 3 · Intermediate', 'Level 4 · Senior']);
  assert.equal(await attr('[data-action="remove-band"][data-target="ladder[2].bands[1]"]', 'aria-label'), 'Remove Intermediate band B');
  assert.equal(await attr('[data-action="remove-bracket"][data-target="seniority.brackets[1]"]', 'aria-label'), 'Remove bracket 2');
  assert.equal(await labelOf('[data-path="contributions.housing_fund_base.cap"]'), 'Cap');
  assert.equal(await attr('[data-action="remove-item"][data-target="contributions.schemes[1]"]', 'aria-label'), 'Remove Medical');
  assert.deepEqual(await options('[data-path="scorecard.indicators[0].unit"]'),
    [['yuan', 'yuan'], ['10k_yuan', '10,000 yuan'], ['cases', 'cases'], ['customers', 'customers'], ['percent', 'percent'], ['ratio', 'ratio']]);
  // The language switch redraws the editor in Chinese.
  await b.page.click('#lang');
  assert.equal(await attr('[data-action="remove-band"][data-target="ladder[2].bands[1]"]', 'aria-label'), '删除 中级 B档');
  assert.deepEqual(latinIn(await editorWords()), []);
});

test('at phone width the longer names fit: no two controls of the editor overlap', async () => {
  const p = await presets();
  await b.page.setViewportSize({ width: 390, height: 844 });
  try {
    for (const lang of ['en', 'zh']) {
      const page = await openEditor(lang, full(p, { contributions: 'beijing', scorecard: 'bank' }));
      const overlaps = await page.evaluate(() => {
        const cs = [...document.querySelectorAll('#policy-editor select, #policy-editor input:not([type=checkbox]), #policy-editor button')];
        const box = (e) => e.getBoundingClientRect();
        const hit = (r, q) => r.left < q.right - 1 && q.left < r.right - 1 && r.top < q.bottom - 1 && q.top < r.bottom - 1;
        return cs.flatMap((a, i) => cs.slice(i + 1).filter((c) => hit(box(a), box(c))).map((c) => `${a.dataset.path ?? a.dataset.target} × ${c.dataset.path ?? c.dataset.target}`));
      });
      assert.deepEqual(overlaps, [], lang);
      const panel = await page.$eval('#policy-editor', (e) => ({ scroll: e.scrollWidth, client: e.clientWidth, right: e.getBoundingClientRect().right }));
      assert.equal(panel.scroll, panel.client, lang);
      assert.ok(panel.right <= 390, lang);
    }
  } finally {
    await b.page.setViewportSize({ width: 1280, height: 720 });
  }
});

test('the My-pay page opens the team page in its own language', async () => {
  const { page } = b;
  for (const [lang, other] of [['zh', 'en'], ['en', 'zh']]) {
    await page.goto(`${b.base}index.html?lang=${lang}`);
    await ready(page);
    assert.equal(await page.$eval('#to-team', (a) => a.getAttribute('href') && new URL(a.href).search), `?lang=${lang}`);
    await page.click('#lang');
    // The switch loads the other language's words first, then relinks.
    await page.waitForFunction((o) => new URL(document.getElementById('to-team').href).search === `?lang=${o}`, other);
    await page.click('#to-team');
    await page.waitForFunction(() => window.paygradeTeam?.ready);
    assert.equal(await page.evaluate(() => document.documentElement.lang), other === 'zh' ? 'zh-CN' : 'en');
    assert.equal(await page.locator('#to-mypay').innerText(), other === 'zh' ? '← 我的月薪' : '← My pay');
    assert.equal(await page.$eval('#to-mypay', (a) => new URL(a.href).search), `?lang=${other}`);
  }
});
