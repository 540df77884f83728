// `safestep lesson validate`: its arguments, options and help.

import { defineCommand, flag, listArg } from './spec.js';

export const spec = defineCommand({
  name: 'lesson validate',
  summary: { en: 'check lesson files and report every problem with its line', ru: 'проверить файлы уроков и показать каждую ошибку с номером строки' },
  args: [
    listArg('[paths...]', { en: 'files or folders', ru: 'файлы или папки' }),
  ],
  options: {
    json: flag('--json', { en: 'print JSON for scripts', ru: 'вывести JSON для скриптов' }),
    strict: flag('--strict', { en: 'treat warnings as errors', ru: 'считать предупреждения ошибками' }),
  },
});
