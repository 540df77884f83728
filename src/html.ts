// The one HTML escaper for every page safestep writes (audit reports, handouts,
// journal exports): text from lessons, checks and users becomes inert text.
// Control, bidi and invisible characters are removed first, so a page shows
// exactly the characters a reader sees (no Trojan Source reordering).
import { stripUnsafe } from './sanitize.js';

export function escapeHtml(text: string): string {
  return stripUnsafe(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
