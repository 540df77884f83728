#!/usr/bin/env node
// Part of `npm run lint`: imports point one way, and there are no cycles.
//
//   main -> cli -> commands -> features (src/<folder>/, checks/) -> app base -> base
//
// base:      src/i18n, src/text, src/fsutil, src/crypto, io.ts, errors.ts,
//            sanitize.ts, html.ts, version.ts, prompter.ts
// app base:  paths.ts, settings.ts, context.ts, invocation.ts (where files
//            live, how safestep was started, the context every command receives)
// A module may import its own layer or a lower one; features may use each
// other as long as no cycle forms. Type-only imports count: a type that has
// to travel upwards is in the wrong home. Exit 1 with one line per problem.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const BASE = /^src\/(i18n\/|text\/|fsutil\/|crypto\/|(io|errors|sanitize|html|version|prompter)\.ts$)/;
const APP_BASE = /^src\/(paths|settings|context|invocation)\.ts$/;

export function layerOf(file) {
  if (file === 'src/main.ts') return { rank: 5, name: 'main' };
  if (file === 'src/cli.ts') return { rank: 4, name: 'cli' };
  if (file.startsWith('src/commands/')) return { rank: 3, name: 'commands' };
  if (BASE.test(file)) return { rank: 0, name: 'base' };
  if (APP_BASE.test(file)) return { rank: 1, name: 'app base' };
  return { rank: 2, name: 'feature' };
}

function sourceFiles() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) out.push(rel);
    }
  };
  for (const top of ['src', 'checks']) if (existsSync(path.join(root, top))) walk(top);
  return out.sort();
}

const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function resolve(from, spec) {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}/index.ts`]) {
    if (existsSync(path.join(root, candidate))) return candidate;
  }
  return undefined;
}

export function importGraph(files) {
  const edges = new Map();
  for (const file of files) {
    const text = readFileSync(path.join(root, file), 'utf8');
    const targets = new Set();
    for (const m of text.matchAll(IMPORT)) {
      const target = resolve(file, m[1] ?? m[2]);
      if (target) targets.add(target);
    }
    edges.set(file, [...targets]);
  }
  return edges;
}

/** Strongly connected components with more than one file (Tarjan, iterative). */
export function cycles(edges) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work = [[start, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      if (i === 0) {
        index.set(v, counter);
        low.set(v, counter);
        counter++;
        stack.push(v);
        onStack.add(v);
      }
      const next = (edges.get(v) ?? [])[i];
      if (next !== undefined) {
        frame[1]++;
        if (!index.has(next)) work.push([next, 0]);
        else if (onStack.has(next)) low.set(v, Math.min(low.get(v), index.get(next)));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(v)));
      }
      if (low.get(v) === index.get(v)) {
        const component = [];
        let w;
        do {
          w = stack.pop();
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1) found.push(component.sort());
      }
    }
  }
  return found;
}

export function problems(edges) {
  const out = [];
  for (const [from, targets] of edges) {
    for (const to of targets) {
      const a = layerOf(from);
      const b = layerOf(to);
      if (b.rank > a.rank) out.push(`${from}: imports ${to} (${a.name} must not import ${b.name})`);
    }
  }
  for (const component of cycles(edges)) out.push(`import cycle: ${component.join(' <-> ')}`);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = problems(importGraph(sourceFiles()));
  for (const line of found) console.error(line);
  if (found.length > 0) {
    console.error(`\n${found.length} layering problem(s); see docs/architecture.md ("Layers").`);
    process.exit(1);
  }
}
