// `safestep progress`: its arguments, options and help.

import { defineCommand, flag, optionalArg } from './spec.js';

export const spec = defineCommand({
  name: 'progress',
  summary: { en: 'show your progress', ru: 'показать ваш прогресс' },
  args: [optionalArg('[id]', { en: 'a lesson id: show that lesson and what is still on its checklists', ru: 'id урока: показать этот урок и то, что осталось в его списках дел' })],
  options: {
    json: flag('--json', { en: 'print JSON for scripts', ru: 'вывести JSON для скриптов' }),
  },
});
