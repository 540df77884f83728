// `safestep lesson preview`: its arguments, options and help.

import { defineCommand, requiredArg } from './spec.js';

export const spec = defineCommand({
  name: 'lesson preview',
  summary: { en: 'print a whole lesson, every branch and explanation, for review', ru: 'показать урок целиком, со всеми ветками и пояснениями, для проверки' },
  args: [
    requiredArg('<lesson>', { en: 'lesson id or path to a lesson.yaml', ru: 'id урока или путь к lesson.yaml' }),
  ],
  options: {},
});
