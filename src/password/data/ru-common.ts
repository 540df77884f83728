// Hand-written Russian data for the password estimator.
//
// RU_PASSWORD_WORDS: bases of passwords that Russian speakers choose often, in rough
// order of popularity: pet names and terms of endearment, football clubs, brands,
// cartoon characters, keyboard rows and stock phrases ("я люблю тебя" written as one
// word). They are ranked ahead of the general word list, because attackers try them
// first. The order is an informed estimate (what leaked-password studies of Russian
// services keep finding at the top), good enough to put these ahead of ordinary words.
// Lower case, ё written as е.
//
// RU_SEQUENCES: ordered Russian word series (numbers, days, months, seasons), used like
// zxcvbn's English word sequences ("одиндватри" is as weak as "onetwothree").

export const RU_PASSWORD_WORDS = `
пароль любовь солнышко привет люблю ялюблютебя люблютебя зайка зайчик котик котенок
киска кошечка малыш малышка ангел ангелочек солнце рыбка птичка лапочка милый
милая любимый любимая мамочка мама папа семья счастье свобода удача победа
спартак зенит цска динамо локомотив россия москва питер русский родина
компьютер интернет секрет доступ админ логин вход пароль йцукен фывапролдж
ячсмить абвгд собака кошка барсик мурзик шарик дружок бобик тузик пушок рыжик
дракон тигр волк медведь лиса принцесса королева красотка красавица блондинка
девочка мальчик друг подруга дружба мечта жизнь небо море звезда звездочка
луна космос цветок роза ромашка игра машина лада жигули танк хакер деньги
бабло банк телефон яндекс почта мегафон чебурашка колобок буратино незнайка
карлсон смешарики матрица терминатор сталкер фантом вселенная надежда вера
христос бог ангелина демон черт дьявол смерть война мир армия солдат
незнаю всеравно ненавижу нафиг пофиг хочу яхочу здравствуйте спасибо пожалуйста
кролик зайчонок котя котэ пупсик пусик масик бусинка ласточка кисуля
`
  .split(/\s+/)
  .filter(Boolean);

export const RU_SEQUENCES: Readonly<Record<string, readonly string[]>> = {
  'cardinalNumbers-ru': 'один два три четыре пять шесть семь восемь девять десять'.split(' '),
  'ordinalNumbers-ru': 'первый второй третий четвертый пятый шестой седьмой восьмой девятый десятый'.split(' '),
  'daysOfWeek-ru': 'понедельник вторник среда четверг пятница суббота воскресенье'.split(' '),
  'months-ru': 'январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь'.split(' '),
  'seasons-ru': 'весна лето осень зима'.split(' '),
};
