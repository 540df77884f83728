// The light Markdown lessons use, rendered for a terminal: paragraphs wrapped to
// the width, headings, bullets, numbered lists, bold, italic, code and links
// written out as "text (url)" so they survive copying and printing without colour.
import { stripUnsafe } from '../sanitize.js';
import { wrap } from './width.js';

export { wrap } from './width.js';

export interface Style {
  bold(s: string): string;
  italic(s: string): string;
  code(s: string): string;
  heading(s: string): string;
  dim(s: string): string;
}

export const plainStyle: Style = { bold: (s) => s, italic: (s) => s, code: (s) => s, heading: (s) => s, dim: (s) => s };

/** One line of lesson Markdown (bold, italic, code, links) without wrapping. */
export function renderInline(text: string, style: Style = plainStyle): string {
  return inline(stripUnsafe(text), style);
}

function inline(text: string, style: Style): string {
  return text
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/`([^`]+)`/g, (_m, code: string) => style.code(code))
    .replace(/\*\*([^*]+)\*\*/g, (_m, b: string) => style.bold(b))
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*(?!\*)/g, (_m, pre: string, i: string) => pre + style.italic(i));
}

export function renderMarkdown(source: string, width: number, style: Style = plainStyle): string {
  const out: string[] = [];
  const blocks = stripUnsafe(source).replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const block of blocks) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(lines[0]!.trim());
    if (heading && lines.length === 1) {
      out.push(...wrap(inline(heading[2]!, style), width).map((l) => style.heading(l)), '');
      continue;
    }
    let paragraph: string[] = [];
    const flush = (): void => {
      if (paragraph.length) out.push(...wrap(inline(paragraph.join(' '), style), width));
      paragraph = [];
    };
    let listItem: { marker: string; text: string[] } | null = null;
    const flushItem = (): void => {
      if (!listItem) return;
      const pad = ' '.repeat(listItem.marker.length + 1);
      out.push(...wrap(inline(listItem.text.join(' '), style), width, pad, `${listItem.marker} `));
      listItem = null;
    };
    for (const raw of lines) {
      const bullet = /^\s*[-*+]\s+(.*)$/.exec(raw);
      const numbered = /^\s*(\d{1,3})[.)]\s+(.*)$/.exec(raw);
      const head = /^(#{1,6})\s+(.*)$/.exec(raw.trim());
      if (head) {
        flush();
        flushItem();
        out.push(...wrap(inline(head[2]!, style), width).map((l) => style.heading(l)));
      } else if (bullet) {
        flush();
        flushItem();
        listItem = { marker: '  •', text: [bullet[1]!] };
      } else if (numbered) {
        flush();
        flushItem();
        listItem = { marker: `  ${numbered[1]}.`, text: [numbered[2]!] };
      } else if (listItem) {
        (listItem as { text: string[] }).text.push(raw.trim());
      } else {
        paragraph.push(raw.trim());
      }
    }
    flush();
    flushItem();
    out.push('');
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

// ---- Markdown files written for people (reports, exports) ------------------

/**
 * Text from outside (a journal entry, a file name, a check's data) for a
 * Markdown file: unsafe characters removed (src/sanitize.ts, like every other
 * printer), kept on one line, and every character that could start emphasis,
 * code, a link, a table cell, a heading or HTML escaped.
 */
export function markdownText(s: string): string {
  return stripUnsafe(s.replace(/\r/g, ''))
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*_[\]<>|~#!&]/g, (c) => '\\' + c)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)\./, '$1\\.');
}

/** A block kept exactly as written: a fence longer than any run of backticks inside. */
export function markdownVerbatim(s: string): string {
  const text = stripUnsafe(s.replace(/\r/g, ''));
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}
