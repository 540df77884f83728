// One way to write down a command a check runs: the scripted runner in tests,
// the real captures in tests/checks/real and `audit --collect` all key
// commands by this line, and `--explain` shows it. PowerShell calls are shown
// as the script a person would type, without the encoding prelude every
// script starts with.
import type { CheckContext, CommandResult } from './types.js';

/**
 * Every PowerShell script starts here: piped output of Windows PowerShell is
 * in the console's code page (866 on Russian Windows), and we read UTF-8.
 */
export const POWERSHELL_PRELUDE = '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ';
export const POWERSHELL = 'powershell.exe';
const POWERSHELL_FLAGS = ['-NoProfile', '-NonInteractive', '-Command'] as const;

/** The arguments that run `script` in Windows PowerShell, prelude first. */
export function powershellArgs(script: string): string[] {
  return [...POWERSHELL_FLAGS, POWERSHELL_PRELUDE + script];
}

/** Runs a PowerShell script (no profile, no prompts, UTF-8 output). */
export function runPowershell(ctx: Pick<CheckContext, 'run'>, script: string, timeoutMs: number): Promise<CommandResult> {
  return ctx.run(POWERSHELL, powershellArgs(script), { timeoutMs });
}

/** An argument as a person would type it: in double quotes when it holds a space. */
function quoted(arg: string): string {
  return arg === '' || /[\s"]/.test(arg) ? `"${arg.replace(/"/g, '\\"')}"` : arg;
}

/** `file arg1 "arg 2"`, or `powershell <script>` for a PowerShell call. */
export function commandLine(file: string, args: readonly string[]): string {
  if (file === POWERSHELL && args.length === 4 && POWERSHELL_FLAGS.every((flag, i) => args[i] === flag)) {
    const script = args[3] ?? '';
    return `powershell ${script.startsWith(POWERSHELL_PRELUDE) ? script.slice(POWERSHELL_PRELUDE.length) : script}`;
  }
  return [file, ...args].map(quoted).join(' ');
}
