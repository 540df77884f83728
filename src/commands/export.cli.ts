// `safestep export`: its arguments, options and help.

import { choice, defineCommand, flag, listArg, required, value } from './spec.js';

export const spec = defineCommand({
  name: 'export',
  summary: { en: 'printable handouts (HTML for A4, or Markdown) for lessons or a workshop plan', ru: 'раздаточные материалы для печати (HTML на A4 или Markdown) по урокам или плану тренинга' },
  bothLangs: true,
  args: [
    listArg('[ids...]', { en: 'lesson ids', ru: 'id уроков' }),
  ],
  options: {
    plan: value('--plan <plan>', { en: 'a workshop plan (id or file): its lessons, the plan, a take-home page and a feedback form', ru: 'план тренинга (id или файл): его уроки, сам план, памятка и анкета для отзыва' }),
    format: choice('--format <format>', ['html', 'md'], { en: 'html or md', ru: 'html или md' }, 'html'),
    out: required('--out <dir>', { en: 'folder to write the handout into', ru: 'папка, куда записать материалы' }),
    country: value('--country <code>', { en: 'the take-home page lists help for this country (two-letter code, e.g. GE)', ru: 'в памятке — помощь в этой стране (двухбуквенный код, например GE)' }),
    withAnswers: flag('--with-answers', { en: 'print the quiz answers after each lesson', ru: 'напечатать ответы к тестам после каждого урока' }),
    trainerNotes: flag('--trainer-notes', { en: 'include the notes for trainers', ru: 'добавить заметки для тренера' }),
  },
});
