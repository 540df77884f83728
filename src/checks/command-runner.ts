// The only way checks run programs: no shell, fixed argument lists, a timeout,
// and output size limits, so a hung or chatty tool cannot stall the audit.
import { execFile } from 'node:child_process';
import os from 'node:os';
import type { CheckContext, CommandRunner } from './types.js';

const MAX_OUTPUT = 8 * 1024 * 1024;

export const execRunner: CommandRunner = (file, args, options = {}) =>
  new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { timeout: options.timeoutMs ?? 5000, maxBuffer: MAX_OUTPUT, windowsHide: true, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', LANG: 'C' } },
      (error, stdout, stderr) => {
        const err = error as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
        resolve({
          code: err ? (typeof err.code === 'number' ? err.code : null) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
          timedOut: Boolean(err?.killed),
          ...(err?.code === 'ENOENT' ? { notFound: true } : {}),
        });
      },
    );
  });

export function realCheckContext(env: Readonly<Record<string, string | undefined>>, paths: readonly string[] = []): CheckContext {
  return { home: os.homedir(), root: '/', platform: process.platform, env, run: execRunner, paths };
}
