// The real check context: the user's home, the file-system root, the
// environment and a command runner. Checks never reach for these globals
// themselves, so tests can hand them fake ones.
import { execFile } from 'node:child_process';
import { homedir } from 'node:os';
import path from 'node:path';
import type { CheckContext, CommandResult, CommandRunner } from './types.js';

export const DEFAULT_COMMAND_TIMEOUT_MS = 3000;
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

export interface CommandRunnerOptions {
  /** Used when a call gives no timeout. */
  defaultTimeoutMs?: number;
  /** Base environment for the child; defaults to process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Runs a program directly (never through a shell), with a timeout, stdin
 * closed so nothing can wait for input, and the C locale so output can be
 * parsed the same way on every machine.
 */
export function createCommandRunner(options: CommandRunnerOptions = {}): CommandRunner {
  const baseEnv = options.env ?? process.env;
  const defaultTimeout = options.defaultTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  return (file, args, callOptions) =>
    new Promise<CommandResult>((resolve) => {
      const env: Record<string, string> = {};
      for (const [key, value] of Object.entries(baseEnv)) if (value !== undefined) env[key] = value;
      env.LC_ALL = 'C';
      env.LANG = 'C';
      env.LANGUAGE = '';
      let child: ReturnType<typeof execFile>;
      try {
        child = execFile(
          file,
          [...args],
          {
            timeout: callOptions?.timeoutMs ?? defaultTimeout,
            maxBuffer: MAX_OUTPUT_BYTES,
            windowsHide: true,
            shell: false,
            encoding: 'utf8',
            env,
          },
          (error, stdout, stderr) => {
            const out = String(stdout ?? '');
            const err = String(stderr ?? '');
            if (!error) {
              resolve({ code: 0, stdout: out, stderr: err, timedOut: false });
              return;
            }
            const e = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: unknown };
            if (e.code === 'ENOENT' || e.code === 'EACCES') {
              resolve({ code: null, stdout: out, stderr: err, timedOut: false, notFound: true });
              return;
            }
            const timedOut = Boolean(e.killed) && e.signal != null;
            resolve({ code: typeof e.code === 'number' ? e.code : null, stdout: out, stderr: err, timedOut });
          },
        );
      } catch {
        resolve({ code: null, stdout: '', stderr: '', timedOut: false, notFound: true });
        return;
      }
      child.stdin?.end();
    });
}

/** The context for a real run on this computer; any part can be replaced. */
export function createCheckContext(overrides: Partial<CheckContext> = {}): CheckContext {
  return {
    home: overrides.home ?? homedir(),
    root: overrides.root ?? path.parse(process.cwd()).root,
    platform: overrides.platform ?? process.platform,
    env: overrides.env ?? process.env,
    run: overrides.run ?? createCommandRunner({ env: overrides.env ?? process.env }),
    paths: overrides.paths ?? [],
  };
}

/** A system path (`/etc/ssl/certs`) resolved under the context's root. */
export function systemPath(ctx: Pick<CheckContext, 'root'>, absolute: string): string {
  const relative = absolute.replace(/^[\\/]+/, '');
  return path.join(ctx.root, relative);
}
