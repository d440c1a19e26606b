// Small helpers for building HTML as strings (the views draw with innerHTML:
// one parse for a whole table is what keeps the battalion's rotation fast).
import { browserKnows } from './time.js';

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Text made safe for HTML content and attribute values.
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

// The hash link to a person's view.
export function personHref(name) {
  return `#/person/${encodeURIComponent(name)}`;
}

// A language code in words of the page's language ("uk" -> "Ukrainian" /
// "українська"): the browser's names, or the catalog's (language.uk) where
// the browser does not know the page's language.
export function languageName(code, locale, t) {
  if (t && !browserKnows(locale)) {
    const name = t(`language.${code}`);
    if (name !== `language.${code}`) return name;
  }
  try {
    const names = new Intl.DisplayNames([locale], { type: 'language' });
    return names.of(code) || code;
  } catch {
    return code;
  }
}

const LEVELS = { native: 3, fluent: 2, basic: 1 };

// [[code, level], ...] best spoken first.
export function byLevel(languages) {
  return Object.entries(languages || {}).sort((a, b) => (LEVELS[b[1]] || 0) - (LEVELS[a[1]] || 0));
}

// {"uk": "native", "en": "basic"} -> "Ukrainian (native), English (basic)" in the page's words, best first.
export function languagesText(languages, locale, t) {
  return byLevel(languages)
    .map(([code, level]) => `${languageName(code, locale, t)} (${t(`level.${level}`)})`)
    .join(', ');
}

// A labelled value for the summary boxes: <div class=fact><span>label</span><strong>value</strong></div>.
export function fact(label, valueHtml, role = '') {
  return `<div class="fact"${role ? ` data-role="${role}"` : ''}><span class="fact-label">${esc(label)}</span>` +
    `<strong class="fact-value">${valueHtml}</strong></div>`;
}

// The word marking a broken or kept rule, never colour alone.
export function verdict(ok, t) {
  return ok
    ? `<span class="ok">✔ ${esc(t('common.kept'))}</span>`
    : `<span class="bad">✘ ${esc(t('common.broken'))}</span>`;
}
