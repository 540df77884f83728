// The check kit: what a check file imports. A check declares its messages with
// `defineMessages`, its meta and its two halves with `defineCheck`, and builds
// findings with `findingsOf` (see docs/checks.md).
export type * from './types.js';
export { defineCheck, findingsOf, needsInput, ALL_PLATFORMS, NO_OPTIONS, type CheckSpec, type FindingExtra, type FindingMaker, type MetaSpec } from './define.js';
export { systemPath } from './context.js';
export { commandLine, runPowershell, powershellArgs, POWERSHELL, POWERSHELL_PRELUDE } from './command-line.js';
export { exists, fsProblem, listDir, readHead, readSmallText, statOrNull, type DirListing, type FsProblem, type TextRead } from './files.js';
export { maskEmail, statusFromFindings } from './format.js';
export { defineMessages } from '../i18n/messages.js';
