// `safestep check`: its arguments, options and help.

import { HELP as METADATA_HELP } from '../metadata/help.js';
import { choice, defineCommand, flag, listArg, negated, optionalArg, value } from './spec.js';

export const spec = defineCommand({
  name: 'check',
  summary: { en: 'run a local check on this computer', ru: 'запустить проверку на этом компьютере' },
  more: METADATA_HELP.table.check as { en: string; ru: string },
  args: [
    optionalArg('[id]', { en: 'check id (leave out to list them)', ru: 'id проверки (без него — список проверок)' }),
    listArg('[paths...]', { en: 'files or folders', ru: 'файлы или папки' }),
  ],
  options: {
    json: flag('--json', { en: 'print JSON for scripts', ru: 'вывести JSON для скриптов' }),
    explain: flag('--explain', { en: 'say what the check reads or runs, without running it', ru: 'рассказать, что проверка читает или запускает, ничего не запуская' }),
    failOn: choice('--fail-on <severity>', ['high', 'medium', 'low'], { en: 'exit with 1 when a finding is this severe or worse', ru: 'завершиться с кодом 1, если найдено что-то такой важности или выше' }, 'high'),
    stdin: flag('--stdin', { en: 'password: read passwords from standard input, one per line (for scripts)', ru: 'password: читать пароли со стандартного ввода, по одному в строке (для скриптов)' }),
    reveal: flag('--reveal', { en: 'password: also show the words found inside it (only on your own screen)', ru: 'password: показать и слова, найденные внутри пароля (только на вашем экране)' }),
    online: flag('--online', { en: 'password: also check known data breaches (sends 5 characters of a hash, asks first)', ru: 'password: проверить ещё и известные утечки (отправляет 5 символов хеша, сначала спрашивает)' }),
    from: value('--from <path>', {
      en: 'passwords: the CSV export of your password manager; phone: an androidqf folder or zip, or an Android bug report',
      ru: 'passwords: CSV-экспорт вашего менеджера паролей; phone: папка или zip от androidqf или отчёт об ошибке Android',
    }),
    format: choice('--format <format>', ['bitwarden', 'keepassxc', '1password', 'chrome', 'firefox'], { en: 'passwords: the export format, when it is not recognised', ru: 'passwords: формат экспорта, если он не распознан' }),
    serial: value('--serial <id>', { en: 'phone: which phone, when several are connected', ru: 'phone: какой телефон, если подключено несколько' }),
    adb: value('--adb <path>', { en: 'phone: the adb program to use', ru: 'phone: какую программу adb использовать' }),
    certificates: negated('--no-certificates', { en: 'phone: do not copy apps to read their signing certificates (faster, checks by name only)', ru: 'phone: не копировать приложения ради сертификатов подписи (быстрее, проверка только по имени)' }),
    yes: flag('--yes', { en: 'phone: no questions, no guided steps', ru: 'phone: без вопросов и подсказок по шагам' }),
  },
  examples: [
    { command: 'safestep check phone', help: { en: 'check the Android phone connected by cable, step by step', ru: 'проверить подключённый кабелем телефон Android, шаг за шагом' } },
    { command: 'safestep check phone --from ./pixel-capture', help: { en: 'check an androidqf acquisition offline', ru: 'проверить выгрузку androidqf без телефона' } },
  ],
});
