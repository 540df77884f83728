// `safestep check`: its arguments, options and help.

import { HELP as METADATA_HELP } from '../metadata/help.js';
import { choice, defineCommand, flag, listArg, optionalArg, value } from './spec.js';

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
    from: value('--from <file>', { en: 'passwords: the CSV export of your password manager', ru: 'passwords: CSV-экспорт вашего менеджера паролей' }),
    format: choice('--format <format>', ['bitwarden', 'keepassxc', '1password', 'chrome', 'firefox'], { en: 'passwords: the export format, when it is not recognised', ru: 'passwords: формат экспорта, если он не распознан' }),
  },
});
