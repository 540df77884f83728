// The audit library: run checks, score them, pick the next steps, render
// reports and keep a history. `safestep audit` and `safestep check` use it.
export { runChecks, appliesTo, DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, type AnyCheck, type AuditResult, type RunOptions } from './run.js';
export { scoreResults, scoreBreakdown, checkPoints, nextSteps, CHECK_POINTS, SEVERITY_PENALTY, type NextStep, type ScoreBreakdown, type ScorePart } from './score.js';
export { renderMarkdownReport, renderHtmlReport, toJsonReport, escapeHtml, escapeMarkdown, type ReportOptions, type JsonReport, type JsonFinding } from './report.js';
export { appendHistory, readHistory, summarizeRun, parseHistoryLine, HISTORY_FILE, DEFAULT_MAX_ENTRIES, type HistoryEntry } from './history.js';
export { loadChecks, unknownCheckIds } from './load.js';
