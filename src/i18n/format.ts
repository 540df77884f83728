// Placeholder filling for every message. Values often come from outside (file
// names, pack keys, lesson fields), so they are sanitised here, at the one
// place every message passes through: no escape sequence, bidi override or
// invisible character from a value can reach the terminal or a report, and a
// line break in a value is shown as `\n` instead of starting a line that
// could pass for safestep's own.
//
// `{name:arg}` fills a value that is part of a command line the person may
// copy (a path after `ssh-keygen -f`): it is quoted for their shell, so a file
// called `key;touch PWNED` stays one argument.
import { oneLine } from '../sanitize.js';
import { shellArgument } from '../text/shell.js';

export type Data = Readonly<Record<string, string | number>>;

/** What `{cmd}` in a message becomes: the command the person actually ran (set once at start). */
let commandName = 'safestep';

export function setCommandName(name: string): void {
  commandName = name;
}

/** Fills `{name}` and `{name:arg}` placeholders; unknown placeholders stay visible rather than vanish. */
export function format(template: string, data: Data = {}): string {
  // Own properties only: a placeholder such as {constructor} must not reach Object's prototype.
  return template.replace(/\{(\w+)(?::(arg))?\}/g, (whole, name: string, spec: string | undefined) => {
    if (!Object.prototype.hasOwnProperty.call(data, name)) return name === 'cmd' && !spec ? commandName : whole;
    const value = oneLine(String(data[name]));
    return spec === 'arg' ? shellArgument(value) : value;
  });
}
