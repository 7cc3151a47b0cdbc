// The page's renderers (www/render.js) say what the Rust renderer (paygrade-text) says,
// string for string, for every fact in tests/fixtures/render/corpus.json (written and
// checked by `cargo test -p paygrade-text`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { explainText, reasonsText, diffText, warningText, errorText } from '../../www/render.js';

const corpus = JSON.parse(readFileSync(new URL('../fixtures/render/corpus.json', import.meta.url), 'utf8'));

/** The page's words for one corpus entry in `lang`. */
function say(entry, lang) {
  const f = entry.facts;
  switch (entry.kind) {
    case 'explain': return explainText(f.term, lang, f.ladder);
    case 'reasons': return reasonsText(f.reasons, lang);
    case 'diff': return diffText(f.diff, lang);
    case 'warning': return warningText(f.warning, lang);
    case 'error': return errorText(f, lang);
    default: throw new Error(`unknown kind ${entry.kind}`);
  }
}

test('the corpus covers every kind', () => {
  const kinds = new Set(corpus.map((e) => e.kind));
  assert.deepEqual([...kinds].sort(), ['diff', 'error', 'explain', 'reasons', 'warning']);
  assert.ok(corpus.length >= 60, `${corpus.length} entries`);
});

for (const lang of ['zh', 'en']) {
  test(`the page renders every fact as paygrade-text does (${lang})`, () => {
    const wrong = corpus.filter((e) => say(e, lang) !== e[lang]).map((e) => ({ want: e[lang], got: say(e, lang) }));
    assert.deepEqual(wrong, []);
  });
}
