// Words the audit reports use around the checks' own messages, in both
// languages. Status, severity and topic names come from the shared labels
// (src/i18n/labels.ts), so a report and the terminal call things the same.
import { defineMessages } from '../i18n/messages.js';

export const REPORT = defineMessages('audit-report', {
  title: { en: 'safestep: device check report', ru: 'safestep: отчёт о проверке устройства' },
  date: { en: 'Date', ru: 'Дата' },
  platform: { en: 'System', ru: 'Система' },
  score: { en: 'Score', ru: 'Оценка' },
  scoreNone: { en: 'no score: no check applied to this computer', ru: 'без оценки: ни одна проверка не подошла к этому компьютеру' },
  scoreErrors: {
    en: { one: '{count} check could not run and counts as not passed.', other: '{count} checks could not run and count as not passed.' },
    ru: {
      one: '{count} проверку не удалось выполнить, она считается непройденной.',
      few: '{count} проверки не удалось выполнить, они считаются непройденными.',
      many: '{count} проверок не удалось выполнить, они считаются непройденными.',
      other: '{count} проверки не удалось выполнить, они считаются непройденными.',
    },
  },
  nextSteps: { en: 'The next things to do', ru: 'Что сделать в первую очередь' },
  nothingToDo: { en: 'Nothing urgent was found.', ru: 'Ничего срочного не найдено.' },
  findings: { en: 'Findings', ru: 'Находки' },
  whatToDo: { en: 'What to do', ru: 'Что сделать' },
  learnMore: { en: 'Learn more', ru: 'Подробнее' },
  checks: { en: 'All checks', ru: 'Все проверки' },
  check: { en: 'Check', ru: 'Проверка' },
  result: { en: 'Result', ru: 'Результат' },
  categories: { en: 'By area', ru: 'По областям' },
  couldNotRun: {
    en: 'This check could not finish, so its result is unknown.',
    ru: 'Эту проверку не удалось завершить, поэтому её результат неизвестен.',
  },
  timedOut: {
    en: 'This check took too long and was stopped, so its result is unknown.',
    ru: 'Эта проверка заняла слишком много времени и была остановлена, поэтому её результат неизвестен.',
  },
  skippedPlatform: {
    en: 'Not checked: this check does not apply to this system.',
    ru: 'Не проверялось: эта проверка не относится к этой системе.',
  },
  skippedInteractive: {
    en: 'Not checked: it runs only when you ask for it.',
    ru: 'Не проверялось: эта проверка запускается только по вашему запросу.',
  },
  footer: {
    en: 'Made by safestep on this computer without using the network. It contains no passwords, keys or history lines; your home folder is shown as ~.',
    ru: 'Составлено программой safestep на этом компьютере без подключения к сети. В отчёте нет паролей, ключей и строк истории; домашняя папка показана как ~.',
  },
});
