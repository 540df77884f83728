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
    plan: value('--plan <plan>', { en: 'take the lessons from this workshop plan', ru: 'взять уроки из этого плана тренинга' }),
    format: choice('--format <format>', ['html', 'md'], { en: 'html or md', ru: 'html или md' }, 'html'),
    out: required('--out <dir>', { en: 'folder to write the handout into', ru: 'папка, куда записать материалы' }),
    trainer: flag('--trainer', { en: 'include the notes for trainers', ru: 'добавить заметки для тренера' }),
  },
});
