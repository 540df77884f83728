// Rates a password the user types (hidden) with the estimator that knows
// Russian speakers' habits: layout switching, transliteration, ЙЦУКЕН walks.
// The password never leaves gather(): only the estimate goes on.
import { defineCheck, defineMessages, findingsOf, type Bilingual, type CheckResult, type Finding, type MessageIds } from '../src/check-kit/index.js';
import { estimatePassword, redactEstimate, type PasswordEstimate } from '../src/password/estimate.js';
import { describePattern, formatCrackTime, MESSAGES, SCORE_LABELS } from '../src/password/messages.js';

export interface PasswordData {
  estimate: PasswordEstimate;
}

export interface PasswordOptions {
  /** false hides the words found inside the password (JSON output may be kept). */
  reveal?: boolean;
}

const LESSONS = ['passwords-and-managers'];

const M = defineMessages('check.password', {
  verdict: {
    en: '{label}. Guessing it would take {online} through a login page with limits, and {offline} if the site\'s password database leaked.',
    ru: '{label}. Подбор займёт {online} через страницу входа с ограничениями и {offline}, если утечёт база паролей сайта.',
  },
  pattern: { en: 'Found inside: {text}', ru: 'Внутри найдено: {text}' },
  ...MESSAGES,
});

type Id = MessageIds<typeof M>;
const finding = findingsOf(M, { lessons: LESSONS });

const INPUT = {
  kind: 'secret',
  prompt: {
    en: 'Type the password you want to check (nothing will be shown or saved):',
    ru: 'Введите пароль, который хотите проверить (он не будет показан и нигде не сохранится):',
  },
} as const;

/** One value in both languages, for finding data. */
function both(fn: (lang: 'en' | 'ru') => string): Bilingual {
  return { en: fn('en'), ru: fn('ru') };
}

export default defineCheck({
  meta: {
    id: 'password',
    title: { en: 'This password is hard to guess', ru: 'Этот пароль трудно подобрать' },
    failureTitle: { en: 'This password is easy to guess', ru: 'Этот пароль легко подобрать' },
    subject: { en: 'The password you typed', ru: 'Введённый пароль' },
    description: {
      en: 'Rates a password you type: how many guesses it would take and why, including Russian words typed on an English layout, transliterated names and ЙЦУКЕН keyboard rows.',
      ru: 'Оценивает пароль, который вы введёте: сколько попыток нужно, чтобы его подобрать, и почему, включая русские слова в английской раскладке, имена латиницей и ряды клавиатуры ЙЦУКЕН.',
    },
    topic: 'identity',
    lessons: LESSONS,
    // `reveal` is not an option a lesson or pack may set: only `safestep check password --reveal` passes it.
    options: { type: 'object', properties: {}, additionalProperties: false },
    explain: {
      all: {
        en: 'Only the password you type at the hidden prompt. It is rated on this computer and forgotten: it is never printed, saved, logged or sent anywhere.',
        ru: 'Только пароль, который вы введёте в скрытом поле. Он оценивается на этом компьютере и сразу забывается: нигде не показывается, не сохраняется, не записывается и никуда не отправляется.',
      },
    },
    input: INPUT,
    messages: M,
  },
  async gather(ctx, _options: PasswordOptions): Promise<PasswordData> {
    if (!ctx.input) throw new Error('the password check needs someone at the terminal');
    const password = await ctx.input.secret(INPUT.prompt);
    return { estimate: estimatePassword(password) };
  },
  evaluate(data, options): CheckResult<Id> {
    // The decoded words are part of the password: shown only when the person asked with --reveal.
    const reveal = options.reveal === true;
    const e = reveal ? data.estimate : redactEstimate(data.estimate);
    const severity = e.score <= 1 ? 'high' : e.score === 2 ? 'medium' : 'info';
    const findings: Finding<Id>[] = [
      finding('verdict', severity, {
        data: {
          label: both((l) => SCORE_LABELS[e.score][l]),
          online: both((l) => formatCrackTime(e.crackTimes.onlineThrottled, l)),
          offline: both((l) => formatCrackTime(e.crackTimes.offlineFastHash, l)),
        },
        fix: e.suggestions[0]?.id,
      }),
    ];
    // Patterns only explain a weak verdict; for a strong password they are noise.
    if (e.score <= 2) {
      for (const detail of e.details) {
        findings.push(finding('pattern', 'info', { data: { text: both((l) => describePattern(detail, l, { reveal })) }, lessons: [] }));
      }
      if (e.warning) findings.push(finding(e.warning.id, 'info', { lessons: [] }));
      for (const s of e.suggestions.slice(1)) findings.push(finding(s.id, 'info', { lessons: [] }));
    }
    return { status: e.score <= 1 ? 'fail' : e.score === 2 ? 'warn' : 'pass', findings };
  },
});
