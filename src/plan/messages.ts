// What `safestep start` says about keeping (or not keeping) the answers.
import { defineMessages } from '../i18n/messages.js';

export const PLAN = defineMessages('plan', {
  notKept: {
    en: 'Your answers are not kept, so nobody who searches this computer can read them. You can answer again at any time (about a minute), or keep them encrypted under a passphrase only you know.',
    ru: 'Ваши ответы не сохраняются, и никто, кто будет осматривать этот компьютер, их не прочитает. Ответить заново можно в любой момент (это около минуты) или сохранить ответы в зашифрованном виде под парольной фразой, которую знаете только вы.',
  },
  keepAsk: { en: 'Keep your answers?', ru: 'Сохранить ответы?' },
  keepNo: { en: 'No, do not keep them (recommended)', ru: 'Нет, не сохранять (рекомендуется)' },
  keepYes: { en: 'Yes, encrypted with a passphrase I choose', ru: 'Да, в зашифрованном виде под моей парольной фразой' },
  passNew: { en: 'Choose a passphrase for your answers:', ru: 'Придумайте парольную фразу для ответов:' },
  passRepeat: { en: 'Type the same passphrase again:', ru: 'Введите ту же фразу ещё раз:' },
  passOpen: { en: 'Passphrase for your saved answers:', ru: 'Парольная фраза сохранённых ответов:' },
  saved: {
    en: 'Your answers are saved encrypted. See this plan again with: {cmd} start --show (it asks for the passphrase). {cmd} forget removes them.',
    ru: 'Ответы сохранены в зашифрованном виде. Посмотреть план ещё раз: {cmd} start --show (спросит парольную фразу). Удалить их: {cmd} forget.',
  },
  notSaved: { en: 'Your answers were not saved. To see this plan again, run {cmd} start and answer again.', ru: 'Ответы не сохранены. Чтобы снова увидеть план, запустите {cmd} start и ответьте ещё раз.' },
  legacyRemoved: {
    en: 'An older version of safestep had saved your answers unencrypted in {file}. That file has been overwritten and deleted.',
    ru: 'Прежняя версия safestep сохранила ваши ответы без шифрования в {file}. Этот файл перезаписан и удалён.',
  },
  noSaved: {
    en: 'there is no saved plan: safestep does not keep your answers unless you ask it to',
    ru: 'сохранённого плана нет: safestep не хранит ваши ответы, если вы сами об этом не попросили',
  },
  noSavedHint: {
    en: 'Answer again (about a minute): {cmd} start. In a script: {cmd} start --answers answers.json',
    ru: 'Ответьте заново (около минуты): {cmd} start. В скрипте: {cmd} start --answers answers.json',
  },
  existing: { en: 'You kept your answers, encrypted.', ru: 'Вы сохранили ответы в зашифрованном виде.' },
  showSaved: { en: 'Show my plan (asks for the passphrase)', ru: 'Показать мой план (спросит парольную фразу)' },
  answerAgain: { en: 'Answer the questions again', ru: 'Ответить на вопросы заново' },
  wrongPassphrase: { en: 'Wrong passphrase: the saved answers were not opened.', ru: 'Неверная парольная фраза: сохранённые ответы не открыты.' },
  wrongPassphraseHint: {
    en: 'Check the keyboard layout and Caps Lock. If you have forgotten it, simply answer again: {cmd} start.',
    ru: 'Проверьте раскладку клавиатуры и Caps Lock. Если фраза забыта, просто ответьте заново: {cmd} start.',
  },
  damaged: { en: 'The saved answers in {file} are damaged and cannot be read.', ru: 'Сохранённые ответы в {file} повреждены и не читаются.' },
  damagedHint: { en: 'Answer again with {cmd} start; the damaged file is replaced if you keep the new answers.', ru: 'Ответьте заново: {cmd} start; если сохраните новые ответы, повреждённый файл будет заменён.' },
  needsTerminal: {
    en: 'the questions need a terminal; in a script, give the answers as JSON with --answers',
    ru: 'для вопросов нужен терминал; в скрипте передайте ответы в JSON через --answers',
  },
  needsTerminalHint: {
    en: 'Example: echo \'{"country":"ge","messengers":["telegram"]}\' | {cmd} start --answers -',
    ru: 'Пример: echo \'{"country":"ge","messengers":["telegram"]}\' | {cmd} start --answers -',
  },
  saveNeedsAnswers: { en: '--save keeps answers given with --answers; without it, {cmd} start asks at the end', ru: '--save сохраняет ответы, переданные через --answers; без него {cmd} start спросит об этом в конце' },
  answersTooLarge: { en: '{file} is too large for answers (at most 64 KB)', ru: '{file} слишком большой для ответов (не больше 64 КБ)' },
  answersNotJson: { en: '{file} is not valid JSON', ru: '{file} — это не JSON' },
  'answers.notObject': { en: '{file}: the answers must be a JSON object such as {"country": "ge"}', ru: '{file}: ответы должны быть объектом JSON, например {"country": "ge"}' },
  'answers.unknownQuestion': { en: '{file}: there is no question "{id}"; the questions are: {known}', ru: '{file}: вопроса «{id}» нет; вопросы: {known}' },
  'answers.unknownOption': { en: '{file}: "{option}" is not an answer to "{id}"; the answers are: {known}', ru: '{file}: «{option}» — не вариант ответа на «{id}»; варианты: {known}' },
  'answers.oneOption': { en: '{file}: "{id}" takes one answer', ru: '{file}: на «{id}» можно дать только один ответ' },
  'answers.notText': { en: '{file}: the answer to "{id}" must be an option id or a list of them', ru: '{file}: ответ на «{id}» должен быть id варианта или списком таких id' },
  stdinName: { en: 'standard input', ru: 'стандартный ввод' },
});
