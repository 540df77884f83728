// Reports a person can hand to a trainer: Markdown, a self-contained HTML page
// (inline CSS and SVG, a Content-Security-Policy that forbids loading
// anything) and the JSON shape of `safestep audit --json`. All three are built
// from one view model, in one language; the home folder is shown as `~` and
// every piece of text from a check is escaped for its format. Error messages
// of failed checks are never included, only a fixed sentence.
import { describeFinding, formatMessage, severityRank, SEVERITY_ORDER } from '../check-kit/format.js';
import { resultTitle } from '../check-kit/render.js';
import type { CheckStatus, Lang, Severity, Topic } from '../check-kit/types.js';
import { escapeHtml } from '../html.js';
import { markdownText } from '../text/markdown.js';
import { stripUnsafe } from '../sanitize.js';
import type { AuditResult } from './run.js';
import { nextSteps, scoreBreakdown, type ScoreBreakdown } from './score.js';
import { REPORT } from './strings.js';
import { severityLabel, statusLabel, topicLabel } from '../i18n/labels.js';

export interface ReportOptions {
  lang: Lang;
  /** The user's home folder, shown as `~`. */
  home: string;
  /** Defaults to now. */
  generatedAt?: Date;
  /** e.g. "linux", shown in the header. */
  platform?: string;
}

interface ItemView {
  checkId: string;
  checkTitle: string;
  severity: Severity;
  message: string;
  fix?: string;
  path?: string;
  lessons: string[];
}

interface CheckRow {
  id: string;
  title: string;
  status: CheckStatus;
  statusLabel: string;
  notes: string[];
}

interface ReportModel {
  lang: Lang;
  title: string;
  date: string;
  platform?: string;
  breakdown: ScoreBreakdown;
  steps: ItemView[];
  groups: { severity: Severity; label: string; items: ItemView[] }[];
  checks: CheckRow[];
  topics: { topic: Topic; label: string; score: number | null }[];
}

function checkTitle(result: AuditResult, lang: Lang): string {
  return stripUnsafe(resultTitle(result, lang));
}

function itemView(result: AuditResult, index: number, lang: Lang, home: string): ItemView {
  const finding = result.findings[index];
  if (!finding) throw new Error('finding index out of range');
  const text = describeFinding(result.meta, finding, lang, home);
  const lessons = [...new Set([...(text.lessons.length > 0 ? text.lessons : result.meta.lessons)])];
  return {
    checkId: result.id,
    checkTitle: checkTitle(result, lang),
    severity: text.severity,
    message: text.message,
    ...(text.fix ? { fix: text.fix } : {}),
    ...(text.path ? { path: text.path } : {}),
    lessons: lessons.map((l) => stripUnsafe(l)),
  };
}

function buildModel(results: readonly AuditResult[], options: ReportOptions): ReportModel {
  const { lang, home } = options;
  const breakdown = scoreBreakdown(results);
  const date = (options.generatedAt ?? new Date()).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

  const steps = nextSteps(results, 3).map((step) => {
    const result = results.find((r) => r.id === step.checkId);
    return result ? itemView(result, result.findings.indexOf(step.finding), lang, home) : null;
  });

  const groups = SEVERITY_ORDER.filter((s) => s !== 'info').map((severity) => ({
    severity,
    label: severityLabel(severity, lang),
    items: results.flatMap((result) =>
      result.status === 'fail' || result.status === 'warn'
        ? result.findings.flatMap((f, i) => (f.severity === severity ? [itemView(result, i, lang, home)] : []))
        : [],
    ),
  }));

  const checks = results.map((result): CheckRow => {
    const notes: string[] = [];
    if (result.status === 'error') notes.push(REPORT.get(result.error?.kind === 'timeout' ? 'timedOut' : 'couldNotRun', lang));
    if (result.skipped === 'platform') notes.push(REPORT.get('skippedPlatform', lang));
    if (result.skipped === 'interactive') notes.push(REPORT.get('skippedInteractive', lang));
    for (const finding of result.findings) {
      if (finding.severity === 'info') notes.push(formatMessage(result.meta, finding.message, lang, finding.data, home));
    }
    return { id: result.id, title: checkTitle(result, lang), status: result.status, statusLabel: statusLabel(result.status, lang), notes };
  });

  const topics = (Object.keys(breakdown.byTopic) as Topic[])
    .sort()
    .map((topic) => ({ topic, label: topicLabel(topic, lang), score: breakdown.byTopic[topic]?.score ?? null }));

  return {
    lang,
    title: REPORT.get('title', lang),
    date,
    ...(options.platform ? { platform: stripUnsafe(options.platform) } : {}),
    breakdown,
    steps: steps.filter((s): s is ItemView => s !== null),
    groups: groups.filter((g) => g.items.length > 0),
    checks,
    topics,
  };
}

// --- Markdown ----------------------------------------------------------------

/**
 * Escapes text for Markdown so no emphasis, code, link, table cell or HTML can
 * come from a check's data. Text never starts a line here (it always follows a
 * list marker or a label), so line-start markers (#, +, -) need no escaping,
 * and with [ and ] escaped, ( and ) cannot form a link.
 */
export const escapeMarkdown = markdownText;

export function renderMarkdownReport(results: readonly AuditResult[], options: ReportOptions): string {
  const m = buildModel(results, options);
  const L = m.lang;
  const md = escapeMarkdown;
  const out: string[] = [];
  out.push(`# ${md(m.title)}`, '');
  const score = m.breakdown.score === null ? md(REPORT.get('scoreNone', L)) : `**${m.breakdown.score}/100**`;
  out.push(`- ${md(REPORT.get('date', L))}: ${md(m.date)}`);
  if (m.platform) out.push(`- ${md(REPORT.get('platform', L))}: ${md(m.platform)}`);
  out.push(`- ${md(REPORT.get('score', L))}: ${score}`);
  for (const t of m.topics) out.push(`  - ${md(t.label)}: ${t.score === null ? '–' : `${t.score}/100`}`);
  if (m.breakdown.errors > 0) out.push('', md(REPORT.get('scoreErrors', L, { count: m.breakdown.errors })));
  out.push('');

  const item = (v: ItemView, bullet: string): string[] => {
    const lines = [`${bullet}**${md(severityLabel(v.severity, L))}** · ${md(v.checkTitle)}: ${md(v.message)}`];
    if (v.fix) lines.push(`   - ${md(REPORT.get('whatToDo', L))}: ${md(v.fix)}`);
    if (v.lessons.length > 0) lines.push(`   - ${md(REPORT.get('learnMore', L))}: ${v.lessons.map((l) => `\`safestep learn ${l.replace(/`/g, '')}\``).join(', ')}`);
    return lines;
  };

  out.push(`## ${md(REPORT.get('nextSteps', L))}`, '');
  if (m.steps.length === 0) out.push(md(REPORT.get('nothingToDo', L)));
  m.steps.forEach((s, i) => out.push(...item(s, `${i + 1}. `)));
  out.push('');

  if (m.groups.length > 0) {
    out.push(`## ${md(REPORT.get('findings', L))}`, '');
    for (const group of m.groups) {
      out.push(`### ${md(group.label)}`, '');
      for (const v of group.items) out.push(...item(v, '- '));
      out.push('');
    }
  }

  out.push(`## ${md(REPORT.get('checks', L))}`, '');
  out.push(`| ${md(REPORT.get('check', L))} | ${md(REPORT.get('result', L))} |`, '| --- | --- |');
  for (const c of m.checks) {
    const notes = c.notes.length > 0 ? ` — ${c.notes.map(md).join(' ')}` : '';
    out.push(`| ${md(c.title)} (\`${c.id.replace(/`/g, '')}\`) | ${md(c.statusLabel)}${notes} |`);
  }
  out.push('', `_${md(REPORT.get('footer', L))}_`, '');
  return out.join('\n');
}

// --- HTML --------------------------------------------------------------------

export { escapeHtml };

function scoreColour(score: number | null): string {
  if (score === null) return '#6b7280';
  if (score >= 90) return '#15803d';
  if (score >= 50) return '#b45309';
  return '#b91c1c';
}

const STYLE = `
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; background: #f7f7f5; color: #1f2328; }
main { max-width: 56rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.meta { color: #57606a; margin: 0; }
.summary { display: flex; gap: 2rem; align-items: center; flex-wrap: wrap; margin-top: 1.5rem; }
.gauge text { font: 700 28px system-ui, sans-serif; }
.topics { flex: 1; min-width: 14rem; }
.topic { margin: .4rem 0; }
.bar { background: #e5e7eb; border-radius: 4px; height: .6rem; overflow: hidden; }
.bar span { display: block; height: 100%; }
.item { background: #fff; border: 1px solid #d0d7de; border-left-width: 6px; border-radius: 6px; padding: .75rem 1rem; margin: .6rem 0; }
.item.high { border-left-color: #b91c1c; } .item.medium { border-left-color: #b45309; } .item.low { border-left-color: #2563eb; }
.sev { font-size: .8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.item p { margin: .3rem 0; overflow-wrap: anywhere; }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eef1f4; padding: .05em .3em; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { text-align: left; padding: .45rem .6rem; border: 1px solid #d0d7de; vertical-align: top; }
.status-pass { color: #15803d; } .status-fail { color: #b91c1c; } .status-warn { color: #b45309; } .status-error { color: #7c3aed; } .status-not-applicable { color: #57606a; }
footer { margin-top: 2rem; color: #57606a; font-size: .9rem; }
@media print { body { background: #fff; } .item { break-inside: avoid; } }
`;

function gauge(score: number | null): string {
  const radius = 52;
  const circumference = 2 * Math.PI * radius;
  const filled = score === null ? 0 : (circumference * score) / 100;
  const colour = scoreColour(score);
  const label = score === null ? '–' : String(score);
  return `<svg class="gauge" width="132" height="132" viewBox="0 0 132 132" role="img" aria-label="${escapeHtml(label)}/100">
<circle cx="66" cy="66" r="${radius}" fill="none" stroke="#e5e7eb" stroke-width="12"/>
<circle cx="66" cy="66" r="${radius}" fill="none" stroke="${colour}" stroke-width="12" stroke-linecap="round" stroke-dasharray="${filled.toFixed(2)} ${circumference.toFixed(2)}" transform="rotate(-90 66 66)"/>
<text x="66" y="76" text-anchor="middle" fill="${colour}">${escapeHtml(label)}</text>
</svg>`;
}

export function renderHtmlReport(results: readonly AuditResult[], options: ReportOptions): string {
  const m = buildModel(results, options);
  const L = m.lang;
  const h = escapeHtml;

  const item = (v: ItemView): string => {
    const parts = [
      `<div class="item ${v.severity}">`,
      `<div class="sev">${h(severityLabel(v.severity, L))} · ${h(v.checkTitle)}</div>`,
      `<p>${h(v.message)}</p>`,
    ];
    if (v.fix) parts.push(`<p><strong>${h(REPORT.get('whatToDo', L))}:</strong> ${h(v.fix)}</p>`);
    if (v.lessons.length > 0) {
      parts.push(`<p><strong>${h(REPORT.get('learnMore', L))}:</strong> ${v.lessons.map((l) => `<code>safestep learn ${h(l)}</code>`).join(', ')}</p>`);
    }
    parts.push('</div>');
    return parts.join('\n');
  };

  const topics = m.topics
    .map((t) => {
      const width = t.score ?? 0;
      return `<div class="topic"><div>${h(t.label)}: ${t.score === null ? '–' : `${t.score}/100`}</div><div class="bar"><span style="width:${width}%;background:${scoreColour(t.score)}"></span></div></div>`;
    })
    .join('\n');

  const body: string[] = [];
  body.push(`<h1>${h(m.title)}</h1>`);
  body.push(`<p class="meta">${h(REPORT.get('date', L))}: ${h(m.date)}${m.platform ? ` · ${h(REPORT.get('platform', L))}: ${h(m.platform)}` : ''}</p>`);
  body.push(`<section class="summary" aria-label="${h(REPORT.get('score', L))}">${gauge(m.breakdown.score)}<div class="topics"><h3>${h(REPORT.get('categories', L))}</h3>${topics}</div></section>`);
  if (m.breakdown.score === null) body.push(`<p>${h(REPORT.get('scoreNone', L))}</p>`);
  if (m.breakdown.errors > 0) body.push(`<p>${h(REPORT.get('scoreErrors', L, { count: m.breakdown.errors }))}</p>`);

  body.push(`<h2>${h(REPORT.get('nextSteps', L))}</h2>`);
  body.push(m.steps.length === 0 ? `<p>${h(REPORT.get('nothingToDo', L))}</p>` : `<ol>${m.steps.map((s) => `<li>${item(s)}</li>`).join('\n')}</ol>`);

  if (m.groups.length > 0) {
    body.push(`<h2>${h(REPORT.get('findings', L))}</h2>`);
    for (const group of m.groups) {
      body.push(`<h3>${h(group.label)}</h3>`);
      body.push(...group.items.map(item));
    }
  }

  body.push(`<h2>${h(REPORT.get('checks', L))}</h2>`);
  body.push(`<table><thead><tr><th>${h(REPORT.get('check', L))}</th><th>${h(REPORT.get('result', L))}</th></tr></thead><tbody>`);
  for (const c of m.checks) {
    const notes = c.notes.map((n) => `<br>${h(n)}`).join('');
    body.push(`<tr><td>${h(c.title)}<br><code>${h(c.id)}</code></td><td class="status-${h(c.status)}">${h(c.statusLabel)}${notes}</td></tr>`);
  }
  body.push('</tbody></table>');
  body.push(`<footer>${h(REPORT.get('footer', L))}</footer>`);

  return `<!DOCTYPE html>
<html lang="${L}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${h(m.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

// --- JSON --------------------------------------------------------------------

export interface JsonFinding {
  severity: Severity;
  message: string;
  fix?: string;
  lessons: string[];
  path?: string;
}

export interface JsonReport {
  score: number | null;
  checks: { id: string; title: string; status: CheckStatus; findings: JsonFinding[]; error?: 'timeout' | 'exception'; skipped?: 'platform' | 'interactive' }[];
}

/** The `--json` shape: texts in one language, paths with `~`, no error messages. */
export function toJsonReport(results: readonly AuditResult[], options: Pick<ReportOptions, 'lang' | 'home'>): JsonReport {
  return {
    score: scoreBreakdown(results).score,
    checks: results.map((result) => ({
      id: result.id,
      title: checkTitle(result, options.lang),
      status: result.status,
      findings: result.findings
        .slice()
        .sort((a, b) => severityRank(a.severity) - severityRank(b.severity))
        .map((finding) => {
          const text = describeFinding(result.meta, finding, options.lang, options.home);
          return {
            severity: text.severity,
            message: text.message,
            ...(text.fix ? { fix: text.fix } : {}),
            lessons: text.lessons.length > 0 ? text.lessons : [...result.meta.lessons],
            ...(text.path ? { path: text.path } : {}),
          };
        }),
      ...(result.error ? { error: result.error.kind } : {}),
      ...(result.skipped ? { skipped: result.skipped } : {}),
    })),
  };
}
