// Moved to the shared base (src/text/) so every layer can wrap and render
// lesson Markdown; this re-export keeps older imports working until they move.
export { plainStyle, renderMarkdown, wrap, type Style } from '../text/markdown.js';
