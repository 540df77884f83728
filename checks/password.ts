// Rates a password the user types (hidden) with the estimator that knows
// Russian speakers' habits: layout switching, transliteration, ЙЦУКЕН walks.
// The password never leaves gather(): only the estimate goes on.
import { defineCheck, type Bilingual, type Finding } from '../src/checks/types.js';
import { estimatePassword, redactEstimate, type PasswordEstimate } from '../src/password/estimate.js';
import { describePattern, formatCrackTime, MESSAGES, SCORE_LABELS } from '../src/password/messages.js';

export interface PasswordData {
  estimate: PasswordEstimate;
}

const PROMPT: Bilingual = {
  en: 'Type the password you want to check (nothing will be shown or saved):',
  ru: 'Введите пароль, который хотите проверить (он не будет показан и нигде не сохранится):',
};

function both(fn: (lang: 'en' | 'ru') => string, key: string): Record<string, string> {
  return { [`${key}En`]: fn('en'), [`${key}Ru`]: fn('ru') };
}

export default defineCheck<PasswordData, { reveal?: boolean }>({
  meta: {
    id: 'password',
    title: { en: 'This password is hard to guess', ru: 'Этот пароль трудно подобрать' },
    failureTitle: { en: 'This password is easy to guess', ru: 'Этот пароль легко подобрать' },
    description: {
      en: 'Rates a password you type: how many guesses it would take and why, including Russian words typed on an English layout, transliterated names and ЙЦУКЕН keyboard rows.',
      ru: 'Оценивает пароль, который вы введёте: сколько попыток нужно, чтобы его подобрать, и почему, включая русские слова в английской раскладке, имена латиницей и ряды клавиатуры ЙЦУКЕН.',
    },
    topic: 'identity',
    platforms: ['linux', 'darwin', 'win32'],
    lessons: ['passwords-and-managers'],
    // `reveal` is not an option a lesson or pack may set: only `safestep check password --reveal` passes it.
    options: { type: 'object', properties: {}, additionalProperties: false },
    reads: [
      {
        en: 'Only the password you type at the hidden prompt. It is rated on this computer and forgotten: it is never printed, saved, logged or sent anywhere.',
        ru: 'Только пароль, который вы введёте в скрытом поле. Он оценивается на этом компьютере и сразу забывается: нигде не показывается, не сохраняется, не записывается и никуда не отправляется.',
      },
    ],
    interactive: true,
    messages: {
      verdict: {
        en: '{labelEn}. Guessing it would take {onlineEn} through a login page with limits, and {offlineEn} if the site\'s password database leaked.',
        ru: '{labelRu}. Подбор займёт {onlineRu} через страницу входа с ограничениями и {offlineRu}, если утечёт база паролей сайта.',
      },
      pattern: { en: 'Found inside: {textEn}', ru: 'Внутри найдено: {textRu}' },
      ...Object.fromEntries(Object.entries(MESSAGES).map(([id, text]) => [id, { en: text.en, ru: text.ru }])),
    },
  },
  async gather(ctx) {
    if (!ctx.input) throw new Error('the password check needs someone at the terminal');
    const password = await ctx.input.secret(PROMPT);
    return { estimate: estimatePassword(password) };
  },
  evaluate(data, options) {
    // The decoded words are part of the password: shown only when the person asked with --reveal.
    const reveal = options.reveal === true;
    const e = reveal ? data.estimate : redactEstimate(data.estimate);
    const severity = e.score <= 1 ? 'high' : e.score === 2 ? 'medium' : 'info';
    const findings: Finding[] = [
      {
        message: 'verdict',
        severity,
        data: {
          ...both((l) => SCORE_LABELS[e.score][l], 'label'),
          ...both((l) => formatCrackTime(e.crackTimes.onlineThrottled, l), 'online'),
          ...both((l) => formatCrackTime(e.crackTimes.offlineFastHash, l), 'offline'),
        },
        lessons: ['passwords-and-managers'],
        ...(e.suggestions[0] ? { fix: e.suggestions[0].id } : {}),
      },
    ];
    // Patterns only explain a weak verdict; for a strong password they are noise.
    if (e.score <= 2) {
      for (const detail of e.details) {
        findings.push({ message: 'pattern', severity: 'info', data: both((l) => describePattern(detail, l, { reveal }), 'text') });
      }
      if (e.warning) findings.push({ message: e.warning.id, severity: 'info' });
      for (const s of e.suggestions.slice(1)) findings.push({ message: s.id, severity: 'info' });
    }
    return { status: e.score <= 1 ? 'fail' : e.score === 2 ? 'warn' : 'pass', findings };
  },
});
