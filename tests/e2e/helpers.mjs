// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, a
// fresh profile per browser, the page served from www/ on loopback, and a record of every
// request and console error.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../tools/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'paygrade-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, locale: 'zh-CN',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  const server = await startServer(0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const requests = [];
  const consoleErrors = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return {
    context, page, base, requests, consoleErrors,
    async close() {
      await context.close();
      await new Promise((ok) => server.close(ok));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Fill the "My pay" form with SPEC §11 example 1. */
export async function fillExample1(page) {
  await page.selectOption('#level', 'intermediate');
  await page.selectOption('#band', 'B');
  await page.selectOption('#employment', 'contract');
  await page.check('#rural');
  await page.fill('#years_in_post', '12');
  const scores = { business: '92', customer_satisfaction: '88', supplier: '85', self: '95', marketing_audit: '80' };
  for (const [id, v] of Object.entries(scores)) await page.fill(`#${id}`, v);
}

export async function ready(page) {
  await page.waitForFunction(() => window.paygrade !== undefined);
}

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
/**
 * Run axe-core (WCAG 2 A/AA and best-practice rules) on `page` (playwright) and return
 * its serious and critical violations as `rule: target, …` strings (empty when clean).
 * axe is evaluated through the driver, so the page's CSP (no inline script) stays as is.
 */
export async function axeProblems(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Words (Latin letters, 4 or more) in `root` that the layout broke across two lines. */
export function brokenWords(page, selector = 'body') {
  return page.evaluate((sel) => {
    const broken = [];
    const walker = document.createTreeWalker(document.querySelector(sel), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !el.getClientRects().length || el.closest('[hidden], script, style, code, pre, textarea')) continue;
      for (const m of n.data.matchAll(/[A-Za-z]{4,}/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (tops.size > 1) broken.push(`${m[0]} in <${el.tagName.toLowerCase()} class="${el.className}"> of ${el.parentElement?.className ?? ''}: ${n.data.slice(0, 40)}`);
      }
    }
    return broken;
  }, selector);
}

/**
 * The first worksheet of an XLSX file (bytes) as `{ name, cells, xml, styles }`: `cells`
 * maps a cell reference (`A1`) to its value — a string (shared or inline) or a number —
 * `xml` is the sheet's XML and `styles` the workbook's styles part. Enough to check an
 * export's exact cells; node's zlib inflates the zip entries.
 */
export function readXlsx(bytes) {
  const buf = Buffer.from(bytes);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = new Map();
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const [method, size, nameLen, extraLen, commentLen, local] = [buf.readUInt16LE(at + 10), buf.readUInt32LE(at + 20),
      buf.readUInt16LE(at + 28), buf.readUInt16LE(at + 30), buf.readUInt16LE(at + 32), buf.readUInt32LE(at + 42)];
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    entries.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLen + extraLen + commentLen;
  }
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const texts = (xml) => unescape([...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join(''));
  const shared = [...(entries.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]));
  const xml = entries.get('xl/worksheets/sheet1.xml') ?? '';
  const cells = new Map();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const [, ref, attrs, inner = ''] = m;
    const type = /\st="([^"]+)"/.exec(attrs)?.[1];
    const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
    if (type === 's') cells.set(ref, shared[Number(v)]);
    else if (type === 'inlineStr') cells.set(ref, texts(inner));
    else if (type === 'str') cells.set(ref, unescape(v ?? ''));
    else if (v !== undefined) cells.set(ref, Number(v));
  }
  const name = unescape(/<sheet [^>]*name="([^"]*)"/.exec(entries.get('xl/workbook.xml') ?? '')?.[1] ?? '');
  return { name, cells, xml, styles: entries.get('xl/styles.xml') ?? '' };
}
