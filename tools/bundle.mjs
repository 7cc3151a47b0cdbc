// Build dist/paygrade.html: one self-contained file (app + engine inlined, wasm as base64)
// that works when opened from file://. Its Content-Security-Policy allows exactly its own
// inline script and style by hash, plus 'wasm-unsafe-eval'; nothing can be fetched.
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const root = new URL('../', import.meta.url);
const read = (p) => readFile(new URL(p, root));
const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const js = (await build({
  entryPoints: [new URL('www/app.js', root).pathname], bundle: true, format: 'esm', minify: true,
  write: false, target: 'es2020', legalComments: 'none', logLevel: 'warning',
})).outputFiles[0].text.replaceAll('</script', '<\\/script');
const allCss = `${await read('www/style.css')}\n${await read('www/extras.css')}`;
const css = (await transform(allCss, { loader: 'css', minify: true })).code;
const wasm = (await read('www/pkg/paygrade_bg.wasm')).toString('base64');
const extraWasm = (await read('www/pkg/paygrade_extra_bg.wasm')).toString('base64');

let html = (await read('www/index.html')).toString('utf8');
const csp = `default-src 'none'; script-src ${sha(js)} 'wasm-unsafe-eval'; style-src ${sha(css)}; `
  + "img-src data:; base-uri 'none'; form-action 'none'";
const swap = (from, to) => {
  if (!html.includes(from)) throw new Error(`index.html no longer contains: ${from}`);
  html = html.replace(from, () => to);
};
swap(/content="default-src 'self';[^"]*"/.exec(html)?.[0] ?? 'CSP meta tag', `content="${csp}"`);
swap('<link rel="stylesheet" href="style.css">', `<style data-all-styles>${css}</style>`);
swap('<script type="module" src="./app.js"></script>',
  `<script id="paygrade-wasm" type="application/octet-stream">${wasm}</script>\n`
  + `<script id="paygrade-extra-wasm" type="application/octet-stream">${extraWasm}</script>\n<script type="module">${js}</script>`);
await mkdir(new URL('dist/', root), { recursive: true });
await writeFile(new URL('dist/paygrade.html', root), html);
console.log(`dist/paygrade.html: ${html.length} bytes (wasm ${wasm.length} base64 chars, app ${js.length} bytes)`);
