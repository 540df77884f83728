// Every sentence the workshop commands show or print beyond the shared UI
// strings: the plan's sections, the rules every room keeps, the trainer's
// checklist, the take-home page and the feedback form.
import { defineMessages } from '../i18n/messages.js';

export const W = defineMessages('workshop', {
  // Checking a plan
  'check.itemKind': { en: 'each agenda item needs one of "lesson", "break" or "activity"', ru: 'у каждого пункта программы должно быть одно из полей: «lesson», «break» или «activity»' },
  'check.start': { en: '"start" must be a time written as HH:MM on a 24-hour clock, in quotes, like "18:30"', ru: '«start» — это время в виде ЧЧ:ММ по 24-часовым часам, в кавычках, например "18:30"' },
  'check.date': { en: '"date" must be a date written as YYYY-MM-DD, in quotes', ru: '«date» — это дата в виде ГГГГ-ММ-ДД, в кавычках' },
  'check.missingLang': { en: 'this text has no "{lang}" version, and the plan lists "{lang}" in its languages', ru: 'у этого текста нет версии «{lang}», а в языках плана «{lang}» указан' },
  'check.extraLang': { en: 'this text has a "{lang}" version, but the plan does not list "{lang}" in its languages', ru: 'у этого текста есть версия «{lang}», но в языках плана «{lang}» не указан' },
  'check.sum': { en: 'the agenda adds up to {sum} minutes, but the plan says "minutes: {stated}"', ru: 'программа в сумме занимает {sum} мин, а в плане написано «minutes: {stated}»' },
  'check.unknownContact': { en: 'there is no contact "{id}" (see: {cmd} contacts)', ru: 'контакта «{id}» нет (см. {cmd} contacts)' },
  'check.adds': { en: 'The start times add up: {sum} minutes, as the plan says.', ru: 'Время сходится: {sum} мин, как и указано в плане.' },

  // Shipped plans
  'plan.unknown': { en: 'there is no workshop plan "{id}" and no such file', ru: 'плана тренинга «{id}» нет, и такого файла тоже нет' },
  'plan.didYouMean': { en: 'Did you mean: {ids}? All plans: {cmd} workshop list', ru: 'Может быть, вы имели в виду: {ids}? Все планы: {cmd} workshop list' },
  'plan.seeList': { en: 'The shipped plans: {cmd} workshop list', ru: 'Готовые планы: {cmd} workshop list' },
  'list.heading': { en: 'Ready workshop plans ({count}):', ru: 'Готовые планы тренингов ({count}):' },
  'list.lessons': { en: '{count} lessons', ru: 'уроков: {count}' },
  'list.hintShow': { en: 'Read a plan: {cmd} workshop show <id>', ru: 'Прочитать план: {cmd} workshop show <id>' },
  'list.hintRun': { en: 'Present it: {cmd} workshop run <id>', ru: 'Показать на проекторе: {cmd} workshop run <id>' },
  'list.hintPrint': { en: 'Print it: {cmd} export --plan <id> --lang en+ru --out handouts', ru: 'Напечатать: {cmd} export --plan <id> --lang en+ru --out handouts' },

  // Sections of a plan
  'sec.audience': { en: 'Who it is for', ru: 'Для кого' },
  'sec.length': { en: 'Length', ru: 'Длительность' },
  'sec.goals': { en: 'Goals', ru: 'Цели' },
  'sec.agenda': { en: 'Agenda', ru: 'Программа' },
  'sec.materials': { en: 'Materials', ru: 'Материалы' },
  'sec.notes': { en: 'Notes for the facilitator', ru: 'Заметки для ведущего' },
  'sec.roomSafety': { en: 'Room safety', ru: 'Безопасность в зале' },
  'sec.checklist': { en: 'Before the session', ru: 'Перед занятием' },
  'sec.print': { en: 'Print the handouts: {cmd} export --plan {id} --lang en+ru --out handouts', ru: 'Напечатать материалы: {cmd} export --plan {id} --lang en+ru --out handouts' },
  'sec.present': { en: 'Present it: {cmd} workshop run {id}', ru: 'Показать на проекторе: {cmd} workshop run {id}' },

  // The rules every room keeps (a plan adds its own after these)
  'room.photos': {
    en: 'No photos, video or audio recording of participants, their screens or their phones, by anyone, the trainer included. Say so at the start.',
    ru: 'Никаких фото, видео и аудиозаписей участников, их экранов и телефонов — ни от кого, включая ведущего. Скажите об этом в самом начале.',
  },
  'room.names': {
    en: 'No sign-in sheet with real names, phone numbers or usernames. If the venue needs a count, count heads. A first name or a made-up name on a sticker is enough.',
    ru: 'Никаких листов регистрации с настоящими именами, телефонами или никами. Если площадке нужно число участников, просто посчитайте людей. Достаточно имени или придуманного имени на наклейке.',
  },
  'room.chat': {
    en: 'Do not create a shared group chat in the room. Anyone who wants to stay in touch takes the printed contacts home; the list of members of a chat is itself a list of names.',
    ru: 'Не создавайте общий чат прямо на занятии. Кто хочет остаться на связи, уносит домой распечатанные контакты: список участников чата — это тоже список имён.',
  },
  'room.informer': {
    en: 'If someone seems to be there to report on others (photographs people, asks for names, addresses or relatives in Russia): do not accuse them in front of the room. Stop any exercise that involves personal details, keep to general material, and speak to the organiser privately. Afterwards, tell participants calmly what they may want to check.',
    ru: 'Если кажется, что кто-то пришёл, чтобы докладывать о других (фотографирует, выспрашивает имена, адреса, родственников в России), не обвиняйте его при всех. Остановите упражнения с личными данными, продолжайте на общих примерах и тихо поговорите с организатором. После занятия спокойно скажите участникам, что им стоит проверить.',
  },
  'room.distress': {
    en: 'If a participant is in distress: pause, offer a quiet corner and a second person from the team, never press for details. Point to the lessons "finding-support" and "news-overload" (they say where to find psychological help) and to the printed contacts. A threat or an emergency comes before the agenda: call the local emergency number first.',
    ru: 'Если участнику тяжело: сделайте паузу, предложите тихий угол и второго человека из команды, не выспрашивайте подробности. Подскажите уроки «finding-support» и «news-overload» (там сказано, где найти психологическую помощь) и распечатанные контакты. Угроза или срочная ситуация важнее программы: сначала звоните в местную экстренную службу.',
  },

  // The trainer's checklist (a plan adds its own after these)
  'ready.print': { en: 'Print the handouts, the take-home page and the feedback forms at home: {cmd} export --plan {id} --lang en+ru --out handouts', ru: 'Распечатайте дома материалы, памятку и анкеты: {cmd} export --plan {id} --lang en+ru --out handouts' },
  'ready.offline': { en: 'Install safestep on the presenting laptop from the offline bundle and run {cmd} workshop check {id} without internet.', ru: 'Установите safestep на ноутбук для показа из офлайн-пакета и запустите {cmd} workshop check {id} без интернета.' },
  'ready.projector': { en: 'Try the projector with {cmd} workshop run {id}: the text must be readable from the back row.', ru: 'Проверьте проектор командой {cmd} workshop run {id}: текст должен читаться с последнего ряда.' },
  'ready.font': { en: 'Check that the terminal font shows Cyrillic: «Ёжик съел щуку — ЭЮЯ».', ru: 'Проверьте, что шрифт терминала показывает кириллицу: «Ёжик съел щуку — ЭЮЯ».' },

  // export --plan
  'export.country': { en: 'unknown country code "{country}": use two letters, like GE or KZ', ru: 'неизвестный код страны «{country}»: нужны две буквы, например GE или KZ' },
  'export.planLangs': {
    en: 'The plan is written in {have} only, so it cannot be printed in {missing}: use --lang {codes}.',
    ru: 'План написан только на языке: {have}, поэтому его нельзя распечатать на языке: {missing}. Укажите --lang {codes}.',
  },
  'export.plan': { en: 'The plan for the trainer: {file}', ru: 'План для ведущего: {file}' },
  'export.takeHome': { en: 'The take-home page (one A4 page per language): {file}', ru: 'Памятка (одна страница A4 на каждый язык): {file}' },
  'export.feedback': { en: 'The anonymous feedback form: {file}', ru: 'Анонимная анкета для отзыва: {file}' },

  // The take-home page
  'home.title': { en: 'To take home', ru: 'Памятка' },
  'home.week': { en: 'Five things to do this week', ru: 'Пять дел на эту неделю' },
  'home.contacts': { en: 'Who can help', ru: 'Кто может помочь' },
  'home.contactsFor': { en: 'Who can help ({country})', ru: 'Кто может помочь ({country})' },
  'home.lessons': { en: 'Go through it again at home, offline: {ids}', ru: 'Повторить дома, без интернета: {ids}' },
  'home.keep': { en: 'This page has no names on it. Keep it somewhere you would keep a leaflet.', ru: 'На этой странице нет ничьих имён. Храните её как обычную листовку.' },

  // The feedback form
  'form.title': { en: 'Anonymous feedback', ru: 'Анонимный отзыв' },
  'form.intro': { en: 'Do not write your name. Tick one box per line, before and after the session, then fold this sheet and put it in the box.', ru: 'Не пишите своё имя. Отметьте по одной клетке в каждой строке — до занятия и после, — сложите листок и бросьте в коробку.' },
  'form.scale': { en: '1 = not at all, 5 = fully', ru: '1 — совсем нет, 5 — полностью' },
  'form.before': { en: 'Before', ru: 'До' },
  'form.after': { en: 'After', ru: 'После' },
  'form.useful': { en: 'What was most useful?', ru: 'Что было полезнее всего?' },
  'form.unclear': { en: 'What is still unclear, or what was missing?', ru: 'Что осталось непонятным или чего не хватило?' },
});

