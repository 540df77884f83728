// ExifTool, the yardstick the metadata tests compare against, found on PATH
// like every system program (programs.ts): without it a developer is told the
// cross-checks are skipped; under CI a missing ExifTool fails the run.
import { execFileSync } from 'node:child_process';
import { needProgram } from './programs.js';

export const exiftoolProgram = needProgram('exiftool');

/** ExifTool's output for `args`; call only when `exiftoolProgram.missing` is false. */
export function exiftool(args: readonly string[]): string {
  return execFileSync(exiftoolProgram.path!, args, { encoding: 'utf8' });
}

/** Every tag ExifTool reads in `file` (`-a -G1`, plus `extra`), or none when ExifTool is missing. */
export function exiftoolTags(file: string, extra: readonly string[] = []): Record<string, unknown> {
  if (exiftoolProgram.missing) return {};
  return (JSON.parse(exiftool(['-j', '-a', '-G1', ...extra, file])) as Record<string, unknown>[])[0]!;
}
