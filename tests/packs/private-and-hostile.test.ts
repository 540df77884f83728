// Installed packs and trusted signers are readable by their owner only, and a
// hostile manifest is described in the person's language with its keys inert.
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { installPack } from '../../src/commands/pack-install.js';
import { run } from '../../src/cli.js';
import { MAGIC } from '../../src/packs/container.js';
import { tempDir } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';
import { build, lessonsFolder, makeKey, quietContext } from './helpers.js';

function modes(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    out.push(`${path.relative(dir, d) || '.'}/ ${(statSync(d).mode & 0o777).toString(8)}`);
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(`${path.relative(dir, full)} ${(statSync(full).mode & 0o777).toString(8)}`);
    }
  };
  walk(dir);
  return out;
}

describe('installed packs are private', () => {
  it('every folder 0700 and every file 0600, including pack.json and signers.json; what an older safestep left 0755/0644 is tightened', async () => {
    const key = await makeKey();
    const file = path.join(tempDir(), 'team.pack');
    await build(lessonsFolder('team'), file, key.file);
    const dataDir = tempDir();
    mkdirSync(path.join(dataDir, 'packs', 'old-pack', 'lessons'), { recursive: true, mode: 0o755 });
    writeFileSync(path.join(dataDir, 'packs', 'signers.json'), '{"version":1,"signers":[]}', { mode: 0o644 });
    chmodSync(path.join(dataDir, 'packs'), 0o755);
    chmodSync(path.join(dataDir, 'packs', 'signers.json'), 0o644);
    expect(await installPack(await quietContext(dataDir), file, { yes: true })).toBe(0);
    const seen = modes(path.join(dataDir, 'packs'));
    expect(seen).toContain('signers.json 600');
    expect(seen).toContain(`team${path.sep}pack.json 600`);
    for (const line of seen) expect(line).toMatch(line.includes('/ ') ? / 700$/ : / 600$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('a hostile manifest', () => {
  it('is explained in Russian, with the unknown key shown as inert text', async () => {
    const manifest = { created: '2026-01-01T00:00:00.000Z', files: [], format: 1, id: 'evil', lessons: [], name: 'x', signer: null, '\u001b]52;c;SGVsbG8=\u0007': 1 };
    const m = Buffer.from(JSON.stringify(manifest));
    const len = (n: number): Buffer => {
      const b = Buffer.alloc(4);
      b.writeUInt32BE(n);
      return b;
    };
    const file = path.join(tempDir(), 'evil.pack');
    writeFileSync(file, Buffer.concat([MAGIC, len(m.length), m, len(0)]));
    let err = '';
    const dataDir = tempDir();
    expect(await run(['pack', 'verify', file], { io: memoryIO(), lang: 'ru', env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [] }, writeErr: (s) => void (err += s) })).toBe(1);
    expect(err).toContain('Оглавление пакета (манифест) неверно: неизвестные поля (манифест): "\\u001b]52;c;SGVsbG8=\\u0007"');
    expect(err).not.toContain('\u001b');
  });
});
