// Hints name the command the person actually ran.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { format, setCommandName } from '../../src/i18n/index.js';
import { invokedAs } from '../../src/invocation.js';
import { tempDir } from '../helpers/fixtures.js';

describe('the command name in hints', () => {
  it('is npx safestep through npx, safestep when installed, node <script> from a checkout', () => {
    expect(invokedAs('/repo/bin/safestep.js', { npm_command: 'exec', PATH: '/usr/bin' }, '/repo')).toBe('npx safestep');
    expect(invokedAs('/usr/local/bin/safestep', { PATH: '/usr/bin:/usr/local/bin' }, '/home/a')).toBe('safestep');
    expect(invokedAs('C:\\Users\\a\\AppData\\Roaming\\npm\\node_modules\\safestep\\bin\\safestep.js', { PATH: '' }, 'C:\\Users\\a')).toBe('safestep');
    expect(invokedAs('/home/a/safestep/bin/safestep.js', { PATH: '/usr/bin' }, '/home/a/safestep')).toBe(`node ${path.join('bin', 'safestep.js')}`);
    expect(invokedAs('/opt/my tools/bin/safestep.js', { PATH: '/usr/bin' }, '/home/a')).toBe('node "/opt/my tools/bin/safestep.js"');
  });

  it('fills {cmd} in every message unless the message sets it', () => {
    setCommandName('npx safestep');
    try {
      expect(format('Continue later: {cmd} learn {id}', { id: 'x' })).toBe('Continue later: npx safestep learn x');
      expect(format('{cmd}', { cmd: 'own' })).toBe('own');
    } finally {
      setCommandName('safestep');
    }
  });

  it('an unbuilt checkout says in one line what to run', () => {
    const repo = tempDir();
    mkdirSync(path.join(repo, 'bin'));
    cpSync(path.resolve('bin/safestep.js'), path.join(repo, 'bin', 'safestep.js'));
    cpSync(path.resolve('package.json'), path.join(repo, 'package.json'));
    let err = '';
    let code = 0;
    try {
      execFileSync(process.execPath, [path.join(repo, 'bin', 'safestep.js'), '--version'], { stdio: 'pipe' });
    } catch (e) {
      const error = e as { status: number; stderr: Buffer };
      code = error.status;
      err = error.stderr.toString();
    }
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('npm ci && npm run build');
  });
});
