// Words the audit reports use around the checks' own messages, in both languages.
import type { Bilingual } from '../checks/types.js';

export const REPORT = {
  title: { en: 'safestep: device check report', ru: 'safestep: отчёт о проверке устройства' },
  date: { en: 'Date', ru: 'Дата' },
  platform: { en: 'System', ru: 'Система' },
  score: { en: 'Score', ru: 'Оценка' },
  scoreNone: { en: 'no score: no check applied to this computer', ru: 'без оценки: ни одна проверка не подошла к этому компьютеру' },
  scoreErrors: {
    en: '{count} check(s) could not run and count as not passed.',
    ru: 'Проверок, которые не удалось выполнить и которые считаются непройденными: {count}.',
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
  skippedPlatform: { en: 'Does not apply to this system.', ru: 'Не относится к этой системе.' },
  skippedInteractive: { en: 'Runs only when you ask for it.', ru: 'Запускается только по вашему запросу.' },
  footer: {
    en: 'Made by safestep on this computer without using the network. It contains no passwords, keys or history lines; your home folder is shown as ~.',
    ru: 'Составлено программой safestep на этом компьютере без подключения к сети. В отчёте нет паролей, ключей и строк истории; домашняя папка показана как ~.',
  },
} satisfies Record<string, Bilingual>;
