/// <reference types="vite/client" />
// Every registered message table, checked once: English and Russian present,
// Russian written in Cyrillic, the same placeholders in both languages, and
// the plural forms each language needs. Importing every module registers its
// table, so a new table is covered without touching this file.
import { describe, expect, it } from 'vitest';
import { registeredMessages, type Phrase } from '../../src/i18n/messages.js';

// The entry point runs the CLI when imported; everything else only defines things.
const modules = import.meta.glob(['../../src/**/*.ts', '../../checks/**/*.ts', '!../../src/main.ts', '!../../**/*.d.ts']);
await Promise.all(Object.values(modules).map((load) => load()));

const forms = (p: Phrase): string[] => (typeof p === 'string' ? [p] : Object.values(p).filter((v): v is string => typeof v === 'string'));
const placeholders = (p: Phrase): string[] => [...new Set(forms(p).flatMap((s) => [...s.matchAll(/\{(\w+)(?::\w+)?\}/g)].map((m) => m[1]!)))].sort();
/** Text with no words to translate (a number format, an acronym such as SHA-256) stays as it is. */
const hasWords = (s: string): boolean => /\p{Ll}/u.test(s.replace(/\{\w+(?::\w+)?\}/g, ''));

describe('message tables', () => {
  it('finds the tables', () => {
    expect([...registeredMessages().keys()]).toEqual(expect.arrayContaining(['ui', 'journal', 'packs']));
  });

  for (const [name, messages] of registeredMessages()) {
    it(`${name}: English and Russian, same placeholders, plural forms`, () => {
      const problems: string[] = [];
      for (const [key, entry] of Object.entries(messages.table)) {
        const where = `${name}:${key}`;
        if (!forms(entry.en).every((s) => s.trim().length > 0)) problems.push(`${where}: empty English`);
        for (const s of forms(entry.ru)) if (hasWords(s) && !/[а-яё]/i.test(s)) problems.push(`${where}: Russian has no Cyrillic: ${s}`);
        if (placeholders(entry.ru).join() !== placeholders(entry.en).join()) problems.push(`${where}: placeholders differ`);
        if (typeof entry.ru !== 'string' && !(entry.ru.few && entry.ru.many)) problems.push(`${where}: Russian plural needs one, few, many, other`);
        if (typeof entry.en !== 'string' || typeof entry.ru !== 'string') {
          if (!placeholders(entry.en).includes('count')) problems.push(`${where}: plural forms without {count}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

// Hints name the command the person actually ran (`safestep`, `npx safestep`,
// `node bin/safestep.js`): `{cmd}` expands to it, a literal "safestep learn"
// would not work for someone who started it another way. Titles that name the
// program are allowed by key, with the reason.
describe('hints use {cmd}', () => {
  const TITLES = new Set([
    'ui:audit.title', // a heading, "safestep audit: 12 checks on this computer"
    'metadata-help:check', // --help text opening with the command it describes
    'metadata-help:scrub',
  ]);
  it('no message names a subcommand after a literal "safestep"', async () => {
    const { COMMANDS } = await import('../../src/commands/index.js');
    const top = [...new Set(COMMANDS.map((c) => c.spec.name.split(' ')[0]!))];
    const literal = new RegExp(`\\bsafestep (${top.join('|')})\\b`);
    const problems: string[] = [];
    for (const [name, messages] of registeredMessages()) {
      for (const [key, entry] of Object.entries(messages.table)) {
        if (TITLES.has(`${name}:${key}`)) continue;
        for (const s of [...forms(entry.en), ...forms(entry.ru)]) {
          const hit = literal.exec(s.replace(/safestep (lesson pack|progress file|pack signing key)/g, ''));
          if (hit) problems.push(`${name}:${key}: "${hit[0]}" (write "{cmd} ${hit[1]}")`);
        }
      }
    }
    expect(top).toEqual(expect.arrayContaining(['learn', 'journal', 'check']));
    expect(problems).toEqual([]);
  });
});
