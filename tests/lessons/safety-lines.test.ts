// Lines in the shipped curriculum that could hurt someone if they came back
// (issue 12, section 1). Each rule reads the lessons as shipped, in English and
// in Russian, and checks that the dangerous wording is gone and the safe wording
// is there. Where a rule can be general it is: any advice to go to the police,
// in any lesson, must carry the warning for people who may be wanted in Russia.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findLessonFiles } from '../../src/lesson/catalog.js';
import { SHIPPED_LESSONS } from '../../src/paths.js';

type Lang = 'en' | 'ru';
type Tree = Record<string, unknown>;

/** Every string in a YAML subtree, joined; `**` and line breaks removed so phrases read as the learner sees them. */
function textOf(node: unknown, keys?: ReadonlySet<string>): string {
  const parts: string[] = [];
  const walk = (value: unknown, key?: string): void => {
    if (typeof value === 'string') {
      if (!keys || (key !== undefined && keys.has(key))) parts.push(value);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(node);
  return parts.join('\n').replace(/\*\*/g, '').replace(/\s+/g, ' ');
}

const STEP_TEXT_KEYS = new Set(['title', 'body', 'prompt', 'text', 'label', 'explain']);

interface LessonText {
  id: string;
  /** Step id to the text a learner reads in that step. */
  steps: Record<Lang, Map<string, string>>;
  trainer: Record<Lang, string>;
  header: Record<Lang, string>;
}

function load(file: string): LessonText {
  const en = parse(readFileSync(file, 'utf8')) as Tree & { id: string; steps: Tree[] };
  const ru = parse(readFileSync(path.join(path.dirname(file), 'lesson.ru.yaml'), 'utf8')) as Tree & { steps: Record<string, unknown> };
  const header = (doc: Tree): string => textOf([doc.title, doc.summary, doc.audience, doc.objectives]);
  return {
    id: en.id,
    steps: {
      en: new Map(en.steps.map((s) => [String(s.id), textOf(s, STEP_TEXT_KEYS)])),
      ru: new Map(Object.entries(ru.steps).map(([id, s]) => [id, textOf(s)])),
    },
    trainer: { en: textOf(en.trainer_notes), ru: textOf(ru.trainer_notes) },
    header: { en: header(en), ru: header(ru) },
  };
}

const lessons = new Map((await findLessonFiles([SHIPPED_LESSONS])).map((f) => load(f)).map((l) => [l.id, l]));

function lesson(id: string): LessonText {
  const found = lessons.get(id);
  if (!found) throw new Error(`no shipped lesson ${id}`);
  return found;
}

function step(id: string, stepId: string, lang: Lang): string {
  const text = lesson(id).steps[lang].get(stepId);
  if (text === undefined) throw new Error(`${id}: no step ${stepId} in ${lang}`);
  return text;
}

function allText(id: string, lang: Lang): string {
  const l = lesson(id);
  return [l.header[lang], l.trainer[lang], ...l.steps[lang].values()].join('\n');
}

// Advice to go to, report to or talk to the police (not every mention of police).
const POLICE_ADVICE: Record<Lang, RegExp> = {
  en: /\b(?:report|reporting|go|going|talk|speak|turn|complain|file|bring|obtain)\b[^.;:!?]{0,60}\bpolice\b|\bpolice where you live\b/i,
  ru: /(?<![\p{L}])(?:заявите|заявить|заявлять|заявляйте|заявлени\p{L}*|сообщите|сообщить|обратитесь|обратиться|идите|идти|пойти|пойдите|подайте|подать|звоните|позвоните|поговорите|говорить|пожалуйтесь|пожаловаться|поход\p{L}*|явиться|являться|явитесь|получите|получить)(?![\p{L}])[^.;:!?]{0,60}(?:полици|милици)|полици\p{L}* страны, где вы живёте/iu,
};
// The warning that has to travel with such advice: people who may be wanted in
// Russia (or who live in a CIS country, where police see Russian and interstate
// wanted lists) speak to a lawyer or a rights group first.
const WANTED_WARNING: Record<Lang, [RegExp, RegExp]> = {
  en: [/\bwanted\b/i, /\b(?:lawyer|rights group)\b/i],
  ru: [/разыскива|розыск/i, /юрист|адвокат|правозащитн/i],
};
// A lesson's title, summary and objectives are too short for the warning, but
// must not advise the police without a "when it is safe for you".
const SAFE_QUALIFIER: Record<Lang, RegExp> = { en: /\bsafe\b/i, ru: /безопасн/i };

describe('safety lines in the shipped lessons', () => {
  it('has the lessons these rules are about', () => {
    expect(lessons.size).toBeGreaterThanOrEqual(25);
  });

  describe.each(['en', 'ru'] as Lang[])('in %s', (lang) => {
    it('1. every step or trainer note that sends people to the police warns those who may be wanted in Russia', () => {
      const missing: string[] = [];
      for (const l of lessons.values()) {
        const units: [string, string][] = [['trainer_notes', l.trainer[lang]], ...[...l.steps[lang]].map(([id, text]): [string, string] => [`step ${id}`, text])];
        for (const [where, text] of units) {
          if (POLICE_ADVICE[lang].test(text) && !WANTED_WARNING[lang].every((rx) => rx.test(text))) missing.push(`${l.id}: ${where}`);
        }
        if (POLICE_ADVICE[lang].test(l.header[lang]) && !SAFE_QUALIFIER[lang].test(l.header[lang])) missing.push(`${l.id}: title, summary or objectives`);
      }
      expect(missing).toEqual([]);
    });

    it('1. the three lessons named in the issue say it in so many words (wanted in Russia, CIS country)', () => {
      const steps: [string, string][] = [
        ['threat-or-doxxing', 'if-threat'],
        ['relocation-and-job-scams', 'already-approached'],
        ['money-mule-requests', 'if-asked'],
      ];
      for (const [id, stepId] of steps) {
        const text = step(id, stepId, lang);
        if (lang === 'en') {
          expect(text, `${id}/${stepId}`).toMatch(/may be wanted in Russia/);
          expect(text, `${id}/${stepId}`).toMatch(/CIS country/);
        } else {
          expect(text, `${id}/${stepId}`).toMatch(/может разыскивать Россия/);
          expect(text, `${id}/${stepId}`).toMatch(/стране СНГ/);
        }
      }
    });

    it('2. at the Russian border: do not lie, but nobody has to testify against themselves (Article 51), also when held', () => {
      for (const stepId of ['at-the-border', 'ending-held']) {
        const text = step('border-phone-inspection', stepId, lang);
        expect(text, stepId).toMatch(lang === 'en' ? /Article 51/ : /[Сс]тать\p{L}* 51/u);
        expect(text, stepId).toMatch(lang === 'en' ? /do not lie/i : /не лгите/i);
      }
      expect(allText('border-phone-inspection', lang)).not.toMatch(lang === 'en' ? /\btruthfully\b/i : /правдиво/i);
    });

    it('3. the travel phone is lived in with nothing sensitive, never empty', () => {
      const wrapUp = step('donation-trails', 'wrap-up', lang);
      expect(wrapUp).toMatch(lang === 'en' ? /lived in/ : /обжит/);
      for (const l of lessons.values()) {
        expect(allText(l.id, lang), l.id).not.toMatch(lang === 'en' ? /\bphone empty\b/i : /(?:держите|оставьте)[^.]{0,40}пуст\p{L}*/iu);
      }
    });

    it('4. after doxxing, accounts are protected, not closed (which would destroy the evidence)', () => {
      expect(step('threat-or-doxxing', 'if-doxxed', lang)).toMatch(lang === 'en' ? /Lock down accounts/ : /Защитите аккаунты/);
      for (const l of lessons.values()) {
        if (lang === 'ru') expect(allText(l.id, lang), l.id).not.toMatch(/Закройте (?:свои |ваши )?аккаунт/);
      }
    });

    it('5. article 13.53: the first fines are there, and "knowingly" is said to be read loosely', () => {
      const text = step('messenger-choice-for-relatives', 'vpn-law', lang);
      if (lang === 'en') {
        expect(text).toMatch(/December 2025, Sverdlovsk region/);
        expect(text).toMatch(/February 2026, Kuzbass/);
        expect(text).toMatch(/read loosely/);
      } else {
        expect(text).toMatch(/Декабрь 2025 года, Свердловская область/);
        expect(text).toMatch(/Февраль 2026 года, Кузбасс/);
        expect(text).toMatch(/толкуют широко/);
      }
      expect(allText('messenger-choice-for-relatives', lang)).not.toMatch(lang === 'en' ? /as officials describe/i : /по словам официальных лиц/i);
    });

    it('6. the "safe box" for Russian sites is a separate device or Firefox profile, never Yandex Browser', () => {
      const text = step('state-root-certificate', 'separate-browser', lang);
      const [device, profile, yandex] = lang === 'en' ? ['separate device', 'Firefox profile', 'Yandex'] : ['Отдельное устройство', 'профиль Firefox', 'Яндекс'];
      expect(text.indexOf(device)).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(profile)).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(device)).toBeLessThan(text.indexOf(yandex));
      expect(text.indexOf(profile)).toBeLessThan(text.indexOf(yandex));
      expect(text).toMatch(lang === 'en' ? /What not to use[^.]*Yandex/ : /не стоит пользоваться[^.]*Яндекс/);
      expect(step('state-root-certificate', 'quiz-setup', lang)).not.toMatch(lang === 'en' ? /separate browser/i : /отдельный браузер/i);
    });

    it('7. the Gosuslugi trusted contact lives in Russia and can be pressured for the code', () => {
      const text = step('gosuslugi-code-scams', 'protect-now', lang);
      expect(text).toMatch(lang === 'en' ? /police or security services can pressure them/ : /полиция или спецслужбы могут надавить/);
    });

    it('8. the "My Contacts" partner test uses someone whose number you have not saved', () => {
      const text = step('unfindable-by-number', 'partner-test', lang);
      expect(text).toMatch(lang === 'en' ? /whose number is not saved in your contacts/ : /чей номер не сохранён в ваших контактах/);
      expect(text).not.toMatch(lang === 'en' ? /does not have you in their contacts/ : /у которого вас ещё нет в контактах/);
    });
  });
});
