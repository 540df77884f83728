// Small typographic rules for putting lesson text into sentences: quotes
// around a title in each language, and a label joined to its explanation
// without doubled punctuation ("…device.: Yes." is the bug this prevents).
import type { Lang } from '../i18n/lang.js';

const QUOTES: Record<Lang, { open: string; close: string; innerOpen: string; innerClose: string }> = {
  en: { open: '“', close: '”', innerOpen: '‘', innerClose: '’' },
  // Russian nests «ёлочки» outside and „лапки“ inside.
  ru: { open: '«', close: '»', innerOpen: '„', innerClose: '“' },
};

/** True when the whole text is one quotation: it opens at the start and first closes at the end. */
function wholeQuoted(text: string, open: string, close: string): boolean {
  if (!text.startsWith(open) || !text.endsWith(close) || text.length < 2) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === open && (open !== close || depth === 0)) depth++;
    else if (ch === close) depth--;
    if (depth === 0 && i < text.length - 1) return false;
  }
  return depth === 0;
}

/**
 * A title ready to insert into a sentence of `lang`: in quotes, unless it is
 * already one quotation («Мой телефон проверят» stays as it is); quotes inside
 * it become the inner kind, so «««…»»» cannot happen.
 */
export function quoteTitle(title: string, lang: Lang): string {
  const q = QUOTES[lang];
  const text = title.trim();
  for (const [open, close] of [[q.open, q.close], ['«', '»'], ['"', '"'], ['“', '”']] as const) {
    if (wholeQuoted(text, open, close)) return lang === 'ru' && open !== '«' ? `«${text.slice(1, -1)}»` : text;
  }
  let inner = text.replace(/[«“]/g, q.innerOpen).replace(/[»”]/g, q.innerClose);
  // Straight double quotes pair up in order: open, close, open, close.
  let count = 0;
  inner = inner.replace(/"/g, () => (count++ % 2 === 0 ? q.innerOpen : q.innerClose));
  return `${q.open}${inner}${q.close}`;
}

/**
 * "Label: text", or "Label. Text" when the label already ends a sentence.
 * `emphasise` styles the label (bold, <strong>) after its punctuation is read.
 */
export function labelled(label: string, text: string, emphasise: (s: string) => string = (s) => s): string {
  const l = label.trim();
  const joint = /[.!?…:;]$/.test(l.replace(/\u001b\[[0-9;]*m/g, '')) ? ' ' : ': ';
  return `${emphasise(l)}${joint}${text.trim()}`;
}
