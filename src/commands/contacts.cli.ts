// `safestep contacts`: its arguments, options and help.

import { defineCommand, flag, value } from './spec.js';

export const spec = defineCommand({
  name: 'contacts',
  summary: { en: 'organisations that help: digital security, legal aid, human rights, psychological support', ru: 'организации, которые помогают: цифровая безопасность, юристы, правозащитники, психологи' },
  args: [],
  options: {
    country: value('--country <code>', { en: 'only those that serve this country (two-letter code, e.g. GE, KZ)', ru: 'только те, кто работает в этой стране (двухбуквенный код, например GE, KZ)' }),
    need: value('--need <kind>', { en: 'kind of help: digital, legal, human-rights, reporting, psychological, emergency', ru: 'вид помощи: digital, legal, human-rights, reporting, psychological, emergency' }),
    json: flag('--json', { en: 'print JSON for scripts', ru: 'вывести JSON для скриптов' }),
  },
});
