// Build the two single-file pages that work when opened from file:// (double-click, no
// server), each linking to the other beside it:
// - dist/paygrade.html: My pay (app + engine inlined, wasm as base64);
// - dist/paygrade-team.html: the team page. Its Web Worker (the HR engine with its wasm)
//   is a text block the page starts from a blob URL; the charts' wasm is a base64 block
//   decoded the first time the charts open.
// Each Content-Security-Policy allows exactly its own inline script and style by hash,
// plus 'wasm-unsafe-eval' (and on the team page the blob: worker and the three inline
// label styles plotters measures with); nothing can be fetched.
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const root = new URL('../', import.meta.url);
const read = (p) => readFile(new URL(p, root));
const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const base64 = async (p) => (await read(p)).toString('base64');

/** One bundled, minified ES module (`</script` escaped so it can sit in a script tag). */
async function bundle(entry, format = 'esm') {
  return (await build({
    entryPoints: [new URL(entry, root).pathname], bundle: true, format, minify: true,
    write: false, target: 'es2020', legalComments: 'none', logLevel: 'warning',
    // The classic worker has no import.meta; its wasm never comes from a URL (see below).
    ...(format === 'iife' ? { define: { 'import.meta.url': '"about:blank"' } } : {}),
  })).outputFiles[0].text.replaceAll('</script', '<\\/script');
}
async function styles(...files) {
  const all = (await Promise.all(files.map((f) => read(f)))).join('\n');
  return (await transform(all, { loader: 'css', minify: true })).code;
}
/** `html` with each [from, to] replaced once; a `from` no longer there is a build error. */
function swapAll(name, html, pairs) {
  for (const [from, to] of pairs) {
    if (!html.includes(from)) throw new Error(`${name} no longer contains: ${from}`);
    html = html.replace(from, () => to);
  }
  return html;
}
const cspOf = (html) => /content="default-src 'self';[^"]*"/.exec(html)?.[0] ?? 'CSP meta tag';
await mkdir(new URL('dist/', root), { recursive: true });

// ---------- My pay, served (www/app.min.js, www/style.min.css) ----------
// The served page loads its script bundled and minified with the engine's glue
// (pkg/paygrade.js): the first load's budget (SPEC, README "Budgets"). The wasm, the
// language modules and the extras stay separate files, fetched as before (the extras and
// the other language on demand).
{
  const out = (await build({
    entryPoints: [new URL('www/app.js', root).pathname], bundle: true, format: 'esm', minify: true,
    write: false, target: 'es2020', legalComments: 'none', logLevel: 'warning',
    external: ['./i18n/*', './extras.js'],
  })).outputFiles[0].text;
  await writeFile(new URL('www/app.min.js', root), out);
  const css = await styles('www/style.css');
  await writeFile(new URL('www/style.min.css', root), css);
  console.log(`www/app.min.js: ${Buffer.byteLength(out)} bytes, www/style.min.css: ${Buffer.byteLength(css)} bytes`);
}

// ---------- My pay ----------
{
  const js = await bundle('www/app.js');
  const css = await styles('www/style.css', 'www/extras.css');
  const wasm = await base64('www/pkg/paygrade_bg.wasm');
  const extraWasm = await base64('www/pkg/paygrade_extra_bg.wasm');
  let html = (await read('www/index.html')).toString('utf8');
  const csp = `default-src 'none'; script-src ${sha(js)} 'wasm-unsafe-eval'; style-src ${sha(css)}; `
    + "img-src data:; base-uri 'none'; form-action 'none'";
  html = swapAll('index.html', html, [
    [cspOf(html), `content="${csp}"`],
    ['<link rel="stylesheet" href="style.min.css">', `<style data-all-styles>${css}</style>`],
    ['href="./team.html"', 'href="./paygrade-team.html"'],
    ['<script type="module" src="./app.min.js"></script>',
      `<script id="paygrade-wasm" type="application/octet-stream">${wasm}</script>\n`
      + `<script id="paygrade-extra-wasm" type="application/octet-stream">${extraWasm}</script>\n<script type="module">${js}</script>`],
  ]);
  await writeFile(new URL('dist/paygrade.html', root), html);
  console.log(`dist/paygrade.html: ${Buffer.byteLength(html)} bytes (wasm ${wasm.length} base64 chars, app ${js.length} bytes)`);
}

// ---------- the team page ----------
{
  const js = await bundle('www/team.js');
  const hrWasm = await base64('www/pkg/paygrade_hr_bg.wasm');
  const chartsWasm = await base64('www/pkg/paygrade_charts_bg.wasm');
  // The worker: its wasm bytes first (team-worker.js reads self.PAYGRADE_HR_WASM), then the
  // bundled worker as a classic script (a file:// page's blob: URL is of an opaque origin,
  // from which Chromium starts no module worker); kept as text, not run by the page itself.
  const worker = `self.PAYGRADE_HR_WASM=Uint8Array.from(atob(${JSON.stringify(hrWasm)}),(c)=>c.charCodeAt(0));\n${await bundle('www/team-worker.js', 'iife')}`;
  const css = await styles('www/style.css', 'www/team.css');
  let html = (await read('www/team.html')).toString('utf8');
  // The served page's hashes of plotters' label styles (see team.html), kept as they are.
  const labelStyles = /'unsafe-hashes'((?: 'sha256-[^']+')+)/.exec(cspOf(html))?.[1];
  if (!labelStyles) throw new Error('team.html: the label style hashes are gone from its CSP');
  const csp = `default-src 'none'; script-src ${sha(js)} 'wasm-unsafe-eval'; worker-src blob:; `
    + `style-src ${sha(css)} 'unsafe-hashes'${labelStyles}; img-src data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'`;
  html = swapAll('team.html', html, [
    [cspOf(html), `content="${csp}"`],
    ['<link rel="stylesheet" href="style.css">\n<link rel="stylesheet" href="team.css">', `<style data-all-styles>${css}</style>`],
    ['href="./index.html"', 'href="./paygrade.html"'],
    ['<script type="module" src="./team.js"></script>',
      `<script id="paygrade-team-worker" type="text/plain">${worker}</script>\n`
      + `<script id="paygrade-charts-wasm" type="application/octet-stream">${chartsWasm}</script>\n<script type="module">${js}</script>`],
  ]);
  await writeFile(new URL('dist/paygrade-team.html', root), html);
  console.log(`dist/paygrade-team.html: ${Buffer.byteLength(html)} bytes (worker ${worker.length} chars, charts wasm ${chartsWasm.length} base64 chars, page ${js.length} bytes)`);
}
