// `safestep pack list`: its arguments, options and help.

import { defineCommand, flag } from './spec.js';

export const spec = defineCommand({
  name: 'pack list',
  summary: { en: 'list the installed packs', ru: 'показать установленные пакеты' },
  args: [],
  options: {
    json: flag('--json', { en: 'print JSON for scripts', ru: 'вывести JSON для скриптов' }),
  },
});
