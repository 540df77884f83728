// `safestep passphrase`: its arguments, options and help.

import { defineCommand, flag, value } from './spec.js';

export const spec = defineCommand({
  name: 'passphrase',
  summary: { en: 'make a random passphrase that is easy to type and hard to guess (--lang picks the words)', ru: 'придумать случайную парольную фразу: легко набрать, трудно подобрать (--lang выбирает язык слов)' },
  args: [],
  options: {
    words: value('--words <n>', { en: 'number of words (default 6)', ru: 'сколько слов (по умолчанию 6)' }),
    separator: value('--separator <s>', { en: 'what goes between words (default -)', ru: 'что ставить между словами (по умолчанию -)' }),
    latin: flag('--latin', {
      en: 'Russian words in Latin letters (for sites or keyboards without Cyrillic)',
      ru: 'русские слова латинскими буквами (для сайтов и клавиатур без кириллицы)',
    }),
    count: value('--count <n>', { en: 'how many passphrases to show (default 1)', ru: 'сколько фраз показать (по умолчанию 1)' }),
  },
});
