// Placeholder filling for every message. Values often come from outside (file
// names, pack keys, lesson fields), so they are sanitised here, at the one
// place every message passes through: no escape sequence, bidi override or
// invisible character from a value can reach the terminal or a report.
import { stripUnsafe } from '../sanitize.js';

export type Data = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function format(template: string, data: Data = {}): string {
  // Own properties only: a placeholder such as {constructor} must not reach Object's prototype.
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? stripUnsafe(String(data[name])) : whole,
  );
}
