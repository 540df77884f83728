// `safestep audit`: its arguments, options and help.

import { choice, defineCommand, flag, list, value } from './spec.js';

export const spec = defineCommand({
  name: 'audit',
  summary: { en: 'check this computer: keys, certificates, encryption, leaks; a score and what to do next', ru: 'проверить этот компьютер: ключи, сертификаты, шифрование, утечки; оценка и что делать дальше' },
  args: [],
  options: {
    json: flag('--json', { en: 'print JSON for scripts', ru: 'вывести JSON для скриптов' }),
    only: value('--only <ids>', { en: 'run only these checks (ids separated by commas)', ru: 'запустить только эти проверки (id через запятую)' }),
    skip: value('--skip <ids>', { en: 'leave out these checks (ids separated by commas)', ru: 'пропустить эти проверки (id через запятую)' }),
    explain: flag('--explain', { en: 'say what every check reads or runs, without running anything', ru: 'рассказать, что читает или запускает каждая проверка, ничего не запуская' }),
    failOn: choice('--fail-on <severity>', ['high', 'medium', 'low'], { en: 'exit with 1 when a finding is this severe or worse, or a check could not finish', ru: 'завершиться с кодом 1, если найдено что-то такой важности или выше или проверку не удалось завершить' }, 'medium'),
    report: value('--report <file>', { en: 'also write a report for a trainer: file.md or file.html', ru: 'записать отчёт для тренера: файл .md или .html' }),
    force: flag('--force', { en: 'overwrite the file if it exists', ru: 'перезаписать файл, если он уже есть' }),
    scan: list('--scan <folder...>', { en: 'also scan these folders for metadata in photos and documents', ru: 'заодно проверить метаданные фото и документов в этих папках' }),
    collect: value('--collect <file>', { en: 'write what the system tools answered to a file you can send (shown first)', ru: 'записать ответы системных программ в файл, который можно отправить (сначала показывается)' }),
    yes: flag('--yes', { en: 'with --collect: write without asking', ru: 'с --collect: записать без вопроса' }),
    phone: flag('--phone', { en: 'also check the Android phone connected by cable (read only, over adb)', ru: 'заодно проверить телефон Android, подключённый кабелем (только чтение, через adb)' }),
    phoneFrom: value('--phone-from <path>', { en: 'also check an androidqf acquisition or an Android bug report', ru: 'заодно проверить выгрузку androidqf или отчёт об ошибке Android' }),
    history: flag('--history', { en: 'show the scores of earlier audits', ru: 'показать оценки прошлых проверок' }),
  },
});
