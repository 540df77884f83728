// The layering rule in `npm run lint` (scripts/check-layers.mjs): it passes on
// this tree, and fails on a planted backward import and on a planted cycle.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/fixtures.js';

const SCRIPT = path.resolve('scripts/check-layers.mjs');

function check(root: string): { code: number; err: string } {
  try {
    execFileSync(process.execPath, [SCRIPT, root], { stdio: 'pipe' });
    return { code: 0, err: '' };
  } catch (e) {
    const error = e as { status: number; stderr: Buffer };
    return { code: error.status, err: error.stderr.toString() };
  }
}

function tree(files: Record<string, string>): string {
  const root = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('layers', () => {
  it('hold in this repository', () => {
    expect(check(path.resolve('.'))).toEqual({ code: 0, err: '' });
  });

  it('fail on a base module that imports a feature, naming both files', () => {
    const root = tree({
      'src/i18n/words.ts': "import type { Lesson } from '../lesson/types.js';\nexport const x = 1;\n",
      'src/lesson/types.ts': 'export interface Lesson { id: string }\n',
    });
    const r = check(root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('src/i18n/words.ts: imports src/lesson/types.ts (base must not import feature)');
  });

  it('fail on a feature that imports a command, and on a cycle', () => {
    const root = tree({
      'src/packs/a.ts': "import { b } from './b.js';\nimport { run } from '../commands/x.js';\nexport const a = b + run;\n",
      'src/packs/b.ts': "import { a } from './a.js';\nexport const b = a;\n",
      'src/commands/x.ts': 'export const run = 1;\n',
    });
    const r = check(root);
    expect(r.code).toBe(1);
    expect(r.err).toContain('src/packs/a.ts: imports src/commands/x.ts (feature must not import commands)');
    expect(r.err).toContain('import cycle: src/packs/a.ts <-> src/packs/b.ts');
  });
});
