// Bundles the compiled CLI into a few ES modules (one chunk per lazily loaded
// command). Loading one file instead of ~80 small ones, and commander without
// its CommonJS module graph, keeps `safestep --help` close to bare Node
// (npm run bench). esbuild reads the TypeScript sources directly (type-checking
// is `npm run typecheck`); `npm run build` also emits dist/src for the benches.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  splitting: true,
  outdir: 'dist/bundle',
  // node-forge still calls the deprecated Buffer(); Node stays quiet about that only
  // for code loaded from node_modules, so it is loaded from there (lazily, by packs and certificates).
  // pdf-lib is loaded at run time too: its CommonJS exports do not survive bundling behind a dynamic import.
  external: ['node-forge', 'pdf-lib'],
  logLevel: 'warning',
  // Less to parse at every start; identifiers are kept so --debug stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  // Bundled CommonJS dependencies call require(); give ES modules one.
  banner: { js: "import { createRequire as __safestepRequire } from 'node:module'; const require = __safestepRequire(import.meta.url);" },
});
