// The lesson Markdown subset as HTML for handouts. Everything is escaped first,
// so lesson text can never inject markup, scripts or remote resources; links
// are kept only for https URLs and printed in full beside their text.
import { escapeHtml } from '../html.js';
import { stripUnsafe } from '../sanitize.js';

export { escapeHtml };

export function inlineHtml(text: string): string {
  return escapeHtml(stripUnsafe(text))
    .replace(/\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g, (_m, label: string, url: string) => `<a href="${url}">${label}</a> <span class="url">(${url})</span>`)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*(?!\*)/g, '$1<em>$2</em>');
}

export function markdownToHtml(source: string): string {
  const out: string[] = [];
  for (const block of stripUnsafe(source).replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    let list: { tag: 'ul' | 'ol'; items: string[] } | null = null;
    let paragraph: string[] = [];
    const flushParagraph = (): void => {
      if (paragraph.length) out.push(`<p>${inlineHtml(paragraph.join(' '))}</p>`);
      paragraph = [];
    };
    const flushList = (): void => {
      if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</${list.tag}>`);
      list = null;
    };
    for (const raw of lines) {
      const heading = /^(#{1,6})\s+(.*)$/.exec(raw.trim());
      const bullet = /^\s*[-*+]\s+(.*)$/.exec(raw);
      const numbered = /^\s*\d{1,3}[.)]\s+(.*)$/.exec(raw);
      if (heading) {
        flushParagraph();
        flushList();
        out.push(`<h4>${inlineHtml(heading[2]!)}</h4>`);
      } else if (bullet || numbered) {
        flushParagraph();
        const tag = bullet ? 'ul' : 'ol';
        if (list && (list as { tag: string }).tag !== tag) flushList();
        list ??= { tag, items: [] };
        (list as { items: string[] }).items.push((bullet ?? numbered)![1]!);
      } else if (list) {
        const items = (list as { items: string[] }).items;
        items[items.length - 1] += ' ' + raw.trim();
      } else paragraph.push(raw.trim());
    }
    flushParagraph();
    flushList();
  }
  return out.join('\n');
}

/** One line of lesson text for a Markdown handout: safe characters, no line breaks. */
export function mdInline(text: string): string {
  return stripUnsafe(text).replace(/\n+/g, ' ');
}
