// Tests that need a system program (Chromium, tmux, exiftool) find it on PATH.
// On a developer's machine without it they are skipped, and the reason is in
// the test's name and on stderr; under CI (CI=1, set by .ci/run) a missing
// program fails the run instead, so nothing is silently left untested.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export interface Program {
  /** Full path of the first name found on PATH. */
  readonly path: string | undefined;
  readonly missing: boolean;
  /** The describe title, with the reason when the program is missing. */
  title(text: string): string;
}

export function onPath(names: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export function needProgram(...names: string[]): Program {
  const found = onPath(names);
  if (!found) {
    const reason = `${names[0]} is not on PATH`;
    if (process.env.CI) throw new Error(`${reason}: CI must install it (see .ci/run)`);
    process.stderr.write(`skipped: ${reason}; install it to run these tests\n`);
  }
  return {
    path: found,
    missing: !found,
    title: (text) => (found ? text : `${text} (skipped: ${names[0]} is not on PATH)`),
  };
}
