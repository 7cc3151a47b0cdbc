// Page text in Chinese and English, one module per language, loaded on demand so the
// first load carries only the language in use. Error messages come from the engine in
// both languages.

const LOADERS = { zh: () => import('./i18n/zh.js'), en: () => import('./i18n/en.js') };
const loaded = {};

/** The text table of `lang` ('zh' | 'en'), loaded once. */
export async function loadText(lang) {
  if (!loaded[lang]) loaded[lang] = (await LOADERS[lang]()).default;
  return loaded[lang];
}

/** The language to start in: saved choice, else the browser's (zh* → Chinese), else English. */
export function initialLang(saved) {
  if (saved === 'zh' || saved === 'en') return saved;
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language || 'en'];
  return langs.some((l) => String(l).toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}
