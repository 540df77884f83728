// A command runner that answers from a table instead of running anything:
// keyed by the command line (see command-line.ts), so the same table serves
// tests, real captures from public sources (tests/checks/real) and
// collections made with `safestep audit --collect`. A command without an
// answer behaves like a program that is not installed, never like success.
import { commandLine } from './command-line.js';
import type { CommandResult, CommandRunner } from './types.js';

export type Answer = Partial<CommandResult> | ((args: readonly string[]) => Partial<CommandResult>);

export interface ReplayCall {
  file: string;
  args: readonly string[];
  /** The command line it was looked up by. */
  line: string;
}

const NOT_INSTALLED: CommandResult = { code: null, stdout: '', stderr: '', timedOut: false, notFound: true };

/**
 * Answers by exact command line, then by `file *` (any arguments). Every call
 * is appended to `calls`, answered or not.
 */
export function replayRunner(answers: Readonly<Record<string, Answer>>, calls: ReplayCall[] = []): CommandRunner {
  const own = (key: string): Answer | undefined => (Object.prototype.hasOwnProperty.call(answers, key) ? answers[key] : undefined);
  return (file, args) => {
    const line = commandLine(file, args);
    calls.push({ file, args: [...args], line });
    const entry = own(line) ?? own(`${file} *`);
    if (!entry) return Promise.resolve({ ...NOT_INSTALLED });
    const result = typeof entry === 'function' ? entry(args) : entry;
    return Promise.resolve({ code: 0, stdout: '', stderr: '', timedOut: false, ...result });
  };
}
