// `safestep progress export`: its arguments, options and help.

import { defineCommand, flag, requiredArg } from './spec.js';

export const spec = defineCommand({
  name: 'progress export',
  summary: { en: 'save your progress to a file, to move it to another computer', ru: 'сохранить прогресс в файл, чтобы перенести на другой компьютер' },
  args: [
    requiredArg('<file>', { en: 'file', ru: 'файл' }),
  ],
  options: {
    force: flag('--force', { en: 'overwrite the file if it exists', ru: 'перезаписать файл, если он уже есть' }),
  },
});
