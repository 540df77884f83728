// The report a person hands to a lawyer or a helpline: Markdown that reads well
// as plain text, or one self-contained HTML file (no scripts, no network, every
// user-written string escaped), both ending with the evidence manifest.
import { escapeHtml as escapeText } from '../html.js';
import type { Lang } from '../i18n/index.js';
import { markdownText, markdownVerbatim } from '../text/markdown.js';
import { MESSAGES, type MessageId } from './messages.js';
import { describeTime } from './session.js';
import type { JournalData } from './store.js';
import type { TextOf } from '../i18n/messages.js';
import { showUtc } from './time.js';

export interface EvidenceItem {
  record: number;
  index: number;
  name: string;
  size: number;
  sha256: string;
  added: string;
  /** The file's name in the evidence folder, when the files were exported. */
  file?: string;
}

export interface ReportInput {
  data: JournalData;
  lang: Lang;
  exported: Date;
  version: string;
  /** The evidence folder's name, relative to the report; absent when only hashes are given. */
  evidenceDir?: string;
  evidence: EvidenceItem[];
}

/** "r001-a02-photo.jpg": sortable, unique, and safe on every file system. */
export function evidenceFileName(record: number, index: number, name: string): string {
  const ext = /\.[\p{L}\p{N}]{1,10}$/u.exec(name)?.[0] ?? '';
  const stem = name.slice(0, name.length - ext.length);
  const safeStem =
    stem
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}._-]+/gu, '_')
      .replace(/^[._]+/, '')
      .slice(0, 60) || 'file';
  return `r${String(record).padStart(3, '0')}-a${String(index).padStart(2, '0')}-${safeStem}${ext.normalize('NFC')}`;
}

/** The format `sha256sum -c` and `shasum -a 256 -c` read. */
export function sha256sums(items: readonly EvidenceItem[]): string {
  return items
    .filter((i) => i.file)
    .map((i) => `${i.sha256}  ${i.file}\n`)
    .join('');
}

export function evidenceFor(data: JournalData): EvidenceItem[] {
  return data.records.flatMap((r, ri) => r.attachments.map((a, ai) => ({ record: ri + 1, index: ai + 1, name: a.name, size: a.size, sha256: a.sha256, added: a.added })));
}

// --- Markdown ---------------------------------------------------------------

/** Inline text: characters that would start formatting, links or HTML are escaped (the one Markdown escaper). */
export const mdInline = markdownText;
/** A block kept exactly as written. */
export const mdVerbatim = markdownVerbatim;

function evidenceIntro(input: ReportInput, m: TextOf<MessageId>): string[] {
  const out = [m('report.evidenceIntro')];
  if (input.evidenceDir) out.push(m('report.evidenceFiles', { dir: input.evidenceDir }), m('report.howToCheck'));
  else out.push(m('report.evidenceNoFiles'));
  return out;
}

export function renderMarkdown(input: ReportInput): string {
  const m = MESSAGES.text(input.lang);
  const none = m('field.none');
  const field = (s: string): string => (s.trim() === '' ? none : mdInline(s));
  const out: string[] = [`# ${m('report.title')}`, '', m('report.exported', { date: showUtc(input.exported.toISOString(), false), version: input.version }), '', m('report.count', { count: input.data.records.length }), ''];
  input.data.records.forEach((r, i) => {
    out.push(`## ${m('show.title', { n: i + 1 })}`, '');
    out.push(`- **${m('field.when')}:** ${mdInline(describeTime(r, m))}`);
    out.push(`- **${m('field.recorded')}:** ${showUtc(r.recorded, false)}`);
    out.push(`- **${m('field.who')}:** ${field(r.who)}`);
    out.push(`- **${m('field.channel')}:** ${field(r.channel)}`, '');
    out.push(`**${m('field.what')}:**`, '', mdVerbatim(r.what), '');
    out.push(`**${m('field.attachments')}:**`, '');
    if (r.attachments.length === 0) out.push(m('field.noAttachments'));
    r.attachments.forEach((a, ai) => {
      const item = input.evidence.find((e) => e.record === i + 1 && e.index === ai + 1);
      const where = item?.file && input.evidenceDir ? ` → \`${input.evidenceDir}/${item.file}\`` : '';
      out.push(`${ai + 1}. ${mdInline(a.name)} (${m('size.bytes', { n: a.size })})${where}  `, `   SHA-256: \`${a.sha256}\``);
    });
    out.push('');
  });
  out.push(`## ${m('report.evidenceTitle')}`, '', ...evidenceIntro(input, m).flatMap((p) => [p, '']));
  if (input.evidence.length === 0) out.push(m('field.noAttachments'), '');
  else {
    const cols = ['report.col.record', 'report.col.file', 'report.col.name', 'report.col.size', 'report.col.added', 'report.col.sha256'] as const;
    out.push(`| ${cols.map((c) => m(c)).join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`);
    for (const e of input.evidence) {
      const file = e.file ? `\`${e.file}\`` : m('report.notExported');
      out.push(`| ${e.record} | ${file} | ${mdInline(e.name)} | ${e.size} | ${showUtc(e.added, false)} | \`${e.sha256}\` |`);
    }
    out.push('');
  }
  return out.join('\n');
}

// --- HTML -------------------------------------------------------------------

/** The one HTML escaper (it removes control, bidi and invisible characters first). */
export const escapeHtml = escapeText;

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-top:1px solid #999;padding-top:1rem;margin-top:2rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0}
.what{white-space:pre-wrap;overflow-wrap:anywhere;border-left:3px solid #999;padding:.3rem .8rem;background:#f5f5f5}
code,.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;overflow-wrap:anywhere;word-break:break-all}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}section{break-inside:avoid-page}}
`;

export function renderHtml(input: ReportInput): string {
  const m = MESSAGES.text(input.lang);
  const none = escapeHtml(m('field.none'));
  const field = (s: string): string => (s.trim() === '' ? none : escapeHtml(s));
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${input.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(m('report.title'))}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(m('report.title'))}</h1>`,
    `<p>${escapeHtml(m('report.exported', { date: showUtc(input.exported.toISOString(), false), version: input.version }))}</p>`,
    `<p>${escapeHtml(m('report.count', { count: input.data.records.length }))}</p>`,
  ];
  input.data.records.forEach((r, i) => {
    out.push('<section>', `<h2>${escapeHtml(m('show.title', { n: i + 1 }))}</h2>`, '<dl>');
    out.push(`<dt>${escapeHtml(m('field.when'))}</dt><dd>${escapeHtml(describeTime(r, m))}</dd>`);
    out.push(`<dt>${escapeHtml(m('field.recorded'))}</dt><dd>${escapeHtml(showUtc(r.recorded, false))}</dd>`);
    out.push(`<dt>${escapeHtml(m('field.who'))}</dt><dd>${field(r.who)}</dd>`);
    out.push(`<dt>${escapeHtml(m('field.channel'))}</dt><dd>${field(r.channel)}</dd>`);
    out.push('</dl>', `<h3>${escapeHtml(m('field.what'))}</h3>`, `<div class="what">${escapeHtml(r.what)}</div>`);
    out.push(`<h3>${escapeHtml(m('field.attachments'))}</h3>`);
    if (r.attachments.length === 0) out.push(`<p>${escapeHtml(m('field.noAttachments'))}</p>`);
    else {
      out.push('<ol>');
      r.attachments.forEach((a, ai) => {
        const item = input.evidence.find((e) => e.record === i + 1 && e.index === ai + 1);
        const where = item?.file && input.evidenceDir ? ` → <code>${escapeHtml(`${input.evidenceDir}/${item.file}`)}</code>` : '';
        out.push(`<li>${escapeHtml(a.name)} (${m('size.bytes', { n: a.size })})${where}<br>SHA-256: <span class="hash">${a.sha256}</span></li>`);
      });
      out.push('</ol>');
    }
    out.push('</section>');
  });
  out.push('<section>', `<h2>${escapeHtml(m('report.evidenceTitle'))}</h2>`, ...evidenceIntro(input, m).map((p) => `<p>${escapeHtml(p)}</p>`));
  if (input.evidence.length === 0) out.push(`<p>${escapeHtml(m('field.noAttachments'))}</p>`);
  else {
    const cols = ['report.col.record', 'report.col.file', 'report.col.name', 'report.col.size', 'report.col.added', 'report.col.sha256'] as const;
    out.push('<table>', `<thead><tr>${cols.map((c) => `<th>${escapeHtml(m(c))}</th>`).join('')}</tr></thead>`, '<tbody>');
    for (const e of input.evidence) {
      const file = e.file ? `<code>${escapeHtml(e.file)}</code>` : escapeHtml(m('report.notExported'));
      out.push(`<tr><td>${e.record}</td><td>${file}</td><td>${escapeHtml(e.name)}</td><td>${e.size}</td><td>${escapeHtml(showUtc(e.added, false))}</td><td class="hash">${e.sha256}</td></tr>`);
    }
    out.push('</tbody>', '</table>');
  }
  out.push('</section>', '</body>', '</html>', '');
  return out.join('\n');
}
