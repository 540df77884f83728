// Reads the real-capture cases in tests/checks/real: a sidecar (<name>.json)
// naming the source, the answers (output files beside it) and the verdict
// each check must give. Used by the table test and the --collect round trip.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RealCase } from '../../src/audit/collect.js';
import type { Answer } from '../../src/check-kit/replay.js';

export const REAL_DIR = path.join(import.meta.dirname, 'real');

export interface LoadedCase {
  name: string;
  sidecar: RealCase;
  /** Answers keyed by command line, output read from the files. */
  answers: Record<string, Answer>;
}

export function loadCase(dir: string, name: string, lineEnding: '\n' | '\r\n' = '\n'): LoadedCase {
  const sidecar = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as RealCase;
  const read = (file: string | undefined) => (file === undefined ? '' : readFileSync(path.join(dir, file), 'utf8').replace(/\r?\n/g, lineEnding));
  const answers: Record<string, Answer> = {};
  for (const a of sidecar.answers) {
    answers[a.command] = { code: a.exit, stdout: read(a.stdout), stderr: read(a.stderr), timedOut: Boolean(a.timedOut), ...(a.notFound ? { notFound: true } : {}) };
  }
  return { name, sidecar, answers };
}

export function caseNames(dir = REAL_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}
