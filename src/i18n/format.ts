// Placeholder filling for every message. Values often come from outside (file
// names, pack keys, lesson fields), so they are sanitised here, at the one
// place every message passes through: no escape sequence, bidi override or
// invisible character from a value can reach the terminal or a report.
import { stripUnsafe } from '../sanitize.js';

export type Data = Readonly<Record<string, string | number>>;

/** What `{cmd}` in a message becomes: the command the person actually ran (set once at start). */
let commandName = 'safestep';

export function setCommandName(name: string): void {
  commandName = name;
}

/** Fills `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function format(template: string, data: Data = {}): string {
  // Own properties only: a placeholder such as {constructor} must not reach Object's prototype.
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (Object.prototype.hasOwnProperty.call(data, name)) return stripUnsafe(String(data[name]));
    return name === 'cmd' ? commandName : whole;
  });
}
