// Paths inside command lines safestep suggests (`ssh-keygen -p -f <key>`,
// `chmod 600 <key>`) are quoted for the shell the person will paste them
// into. A file name with a space, `;`, `$(...)` or a quote must stay one
// argument and never become a second command.
//
// - POSIX shells (Linux, macOS): single quotes, where nothing is special; a
//   single quote inside is written as '\''. A leading `~/` stays outside the
//   quotes so the shell still expands it.
// - PowerShell (Windows): single quotes, where only a quote is special and is
//   doubled (PowerShell also treats the typographic quotes ‘ ’ ‚ ‛ as quotes).
//   A leading `~\` or `~/` becomes "$HOME\..." with every character that is
//   special inside double quotes escaped by a backtick.

export type Shell = 'posix' | 'powershell';

/** The shell people on this platform paste into. */
export function shellOf(platform: NodeJS.Platform = process.platform): Shell {
  return platform === 'win32' ? 'powershell' : 'posix';
}

/** Characters that never need quoting in either shell. */
const PLAIN = /^[A-Za-z0-9_./-]+$/;

export function quotePosix(value: string): string {
  if (value.startsWith('~/')) return `~/${quotePosix(value.slice(2))}`;
  if (value !== '' && PLAIN.test(value) && !value.startsWith('-')) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function quotePowerShell(value: string): string {
  if (/^~[\\/]/.test(value)) {
    const rest = value.slice(2).replace(/[`"$\u201c\u201d\u201e]/g, (c) => '`' + c);
    return `"$HOME\\${rest}"`;
  }
  if (value !== '' && PLAIN.test(value) && !value.startsWith('-')) return value;
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (c) => c + c)}'`;
}

/** One argument of a command line the person may copy, quoted for `shell`. */
export function shellArgument(value: string, shell: Shell = shellOf()): string {
  return shell === 'powershell' ? quotePowerShell(value) : quotePosix(value);
}
