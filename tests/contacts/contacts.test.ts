import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { filterContacts } from '../../src/commands/contacts.js';
import { loadContacts, type Contact } from '../../src/contacts/load.js';
import { contactCard } from '../../src/contacts/render.js';
import { contactDateProblems } from '../../src/contacts/staleness.js';
import { translator } from '../../src/i18n/index.js';
import { tempDir } from '../helpers/fixtures.js';

function contact(id: string, needs: Contact['needs'], countries: string[]): Contact {
  return {
    id,
    name: `Org ${id}`,
    needs,
    countries,
    languages: ['en', 'ru'],
    what: { en: 'Helps.', ru: 'Помогает.' },
    reach: { en: 'Email help@example.org', ru: 'Почта help@example.org' },
    source: { title: 'Site', url: 'https://example.org' },
    checked: '2026-11-27',
  };
}

describe('help directory', () => {
  const list = [contact('anywhere-digital', ['digital'], []), contact('georgia-legal', ['legal', 'human-rights'], ['GE']), contact('kz-legal', ['legal'], ['KZ'])];

  it('filters by country (organisations that work anywhere always match) and by need', () => {
    expect(filterContacts(list, { country: 'ge' }).map((c) => c.id)).toEqual(['anywhere-digital', 'georgia-legal']);
    expect(filterContacts(list, { need: 'legal' }).map((c) => c.id)).toEqual(['georgia-legal', 'kz-legal']);
    expect(filterContacts(list, { country: 'KZ', need: 'legal' }).map((c) => c.id)).toEqual(['kz-legal']);
  });

  it('loads a valid file and reports a broken one with its position', async () => {
    const dir = tempDir();
    const good = path.join(dir, 'good.yaml');
    writeFileSync(good, stringify({ contacts: list }));
    expect((await loadContacts(translator('en'), good)).contacts.map((c) => c.id)).toEqual(['anywhere-digital', 'georgia-legal', 'kz-legal']);
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, stringify({ contacts: [{ ...list[0], source: { title: 'x', url: 'http://insecure' } }] }));
    const { contacts, problems } = await loadContacts(translator('en'), bad);
    expect(contacts).toEqual([]);
    expect(problems.map((p) => `${p.line}:${p.code}`)).toEqual(['18:schema']);
  });

  it('renders a card in Russian with where, languages and the date checked', async () => {
    const card = contactCard(list[1]!, 'ru', translator('ru'), 80).join('\n');
    expect(card).toContain('Org georgia-legal');
    expect(card).toContain('Как связаться: Почта help@example.org');
    expect(card).toContain('Где: Грузия. Языки: английский, русский. Проверено: 2026-11-27.');
  });

  it('names every organisation in Russian on a Russian screen, and fits the name to the width', async () => {
    const { contacts } = await loadContacts(translator('ru'));
    expect(contacts.length).toBeGreaterThan(5);
    for (const c of contacts) {
      const [first] = contactCard(c, 'ru', translator('ru'), 80);
      expect(c.names?.ru, c.id).toMatch(/[а-яё]/i);
      expect(first).toBe(c.names!.ru.slice(0, first!.length));
    }
    const memorial = contacts.find((c) => c.name.includes('Memorial'))!;
    expect(contactCard(memorial, 'ru', translator('ru'), 80)[0]).toBe('Правозащитный центр «Мемориал»');
    expect(contactCard(memorial, 'en', translator('en'), 80)[0]).toBe(memorial.name);
    const long = contactCard({ ...memorial, names: { ru: 'Казахстанское международное бюро по правам человека и соблюдению законности (КМБПЧ)' } }, 'ru', translator('ru'), 60);
    expect(long.slice(0, 2)).toEqual(['Казахстанское международное бюро по правам человека и', '  соблюдению законности (КМБПЧ)']);
  });

  it('warns, never fails, when a contact was last confirmed more than 12 months before the date the caller gives', async () => {
    const file = path.join(tempDir(), 'contacts.yaml');
    writeFileSync(file, stringify({ contacts: [{ ...list[0], checked: '2025-01-10' }, list[1], { ...list[2], checked: '2027-03-01' }] }));
    const at = (today: string) => contactDateProblems(translator('en'), new Date(`${today}T00:00:00Z`), file);
    const stale = await at('2026-11-27');
    expect(stale.map((p) => `${p.severity} ${p.code}`)).toEqual(['warning contact-stale', 'warning contact-future']);
    // Each warning points at the `checked` value it is about.
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(stale.map((p) => lines[p.line - 1]!.slice(p.col - 1))).toEqual([expect.stringMatching(/^"?2025-01-10/), expect.stringMatching(/^"?2027-03-01/)]);
    expect(stale[0]!.message).toBe(
      'the details of contact "anywhere-digital" were last confirmed on 2025-01-10, more than 12 months ago: check them on the organisation\'s own page',
    );
    // The date comes from the caller: a year later the future date is no longer in the future.
    expect((await at('2027-03-01')).map((p) => p.code)).toEqual(['contact-stale']);
    const ru = await contactDateProblems(translator('ru'), new Date('2026-11-27T00:00:00Z'), file);
    expect(ru[0]!.message).toBe('данные контакта «anywhere-digital» последний раз подтверждали 2025-01-10, больше 12 месяцев назад: сверьте их со страницей самой организации');
  });
});
