// `safestep progress import`: its arguments, options and help.

import { defineCommand, requiredArg } from './spec.js';

export const spec = defineCommand({
  name: 'progress import',
  summary: { en: 'add progress from an exported file', ru: 'добавить прогресс из сохранённого файла' },
  args: [
    requiredArg('<file>', { en: 'file', ru: 'файл' }),
  ],
  options: {},
});
