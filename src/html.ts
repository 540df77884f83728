// The one HTML escaper for every page safestep writes (audit reports, handouts,
// journal exports): text from lessons, checks and users becomes inert text.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
