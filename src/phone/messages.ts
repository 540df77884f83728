// Every sentence the phone check can say, in English and Russian. Written for
// a frightened person at a phone-clinic table: calm, plain, never accusing an
// app of more than the phone shows, always with a next step. Placeholders are
// filled from finding data (language-neutral) by the i18n `format`, which
// sanitises them: package names and labels come from the phone.
import { defineMessages, type TextOf } from '../i18n/messages.js';
import type { Lang } from '../i18n/lang.js';
import type { PickProblem } from './adb.js';
import type { CaptureProblem } from './capture.js';
import type { AndroidPart } from './types.js';

const HELPLINE_EN = "Access Now's Digital Security Helpline (help@accessnow.org, free for activists, journalists and civil society)";
const HELPLINE_RU = 'Линия помощи по цифровой безопасности Access Now (help@accessnow.org; бесплатно для активистов, журналистов и гражданского общества)';

export const PHONE = defineMessages('check.phone', {
  // --- known bad apps -------------------------------------------------------
  stalkerware: {
    en: '{app} is {family}, known stalkerware: it can send your messages, calls and location to someone else.',
    ru: '{app} — это {family}, известная программа-шпион (сталкерское ПО): она может пересылать ваши сообщения, звонки и местоположение другому человеку.',
  },
  fixStalkerware: {
    en: 'Before you remove it, think about your safety: the person who installed it may notice. If that person is close to you, talk to a helpline first; keep a screenshot as evidence. Then remove it in Settings > Apps and change the passwords of your accounts from another device.',
    ru: 'Прежде чем удалять, подумайте о своей безопасности: тот, кто установил программу, может это заметить. Если это близкий вам человек, сначала обратитесь на линию помощи; сохраните снимок экрана как доказательство. Затем удалите программу в «Настройки > Приложения» и смените пароли своих аккаунтов с другого устройства.',
  },
  watchware: {
    en: '{app} is {family}, a monitoring app (parental control or employee tracking). If you did not install it yourself and it is not your employer’s, someone may be watching this phone.',
    ru: '{app} — это {family}, программа слежения (родительский контроль или контроль сотрудников). Если вы не ставили её сами и это не требование работодателя, за телефоном, возможно, следят.',
  },
  fixWatchware: {
    en: 'If you do not know why it is here, treat it like stalkerware: think about your safety before removing it, keep a screenshot, and ask a helpline for advice.',
    ru: 'Если вы не знаете, откуда она, относитесь к ней как к программе-шпиону: подумайте о безопасности, прежде чем удалять, сохраните снимок экрана и посоветуйтесь с линией помощи.',
  },
  spyware: {
    en: '{app} matches {family}, spyware used by state agencies against activists and journalists (published {date}: {source}).',
    ru: '{app} совпадает с {family} — шпионской программой, которую государственные органы применяли против активистов и журналистов (опубликовано {date}: {source}).',
  },
  fixSpyware: {
    en: 'Do not delete it and do not reset the phone: the evidence helps experts. Stop using this phone for anything sensitive, keep it switched off or in airplane mode, and contact ' + HELPLINE_EN + ' for a forensic check.',
    ru: 'Не удаляйте программу и не сбрасывайте телефон: эти следы нужны специалистам. Не пользуйтесь этим телефоном для важного, держите его выключенным или в режиме полёта и обратитесь за экспертизой: ' + HELPLINE_RU + '.',
  },
  forensic: {
    en: '{app} is left behind by {family}: this phone was connected to a tool that copies a phone’s contents (published {date}: {source}).',
    ru: '{app} оставляет {family}: этот телефон подключали к инструменту, который копирует содержимое телефонов (опубликовано {date}: {source}).',
  },
  fixForensic: {
    en: 'Assume what was on the phone at that time was copied: change passwords, end other sessions in your messengers, and warn the people in your chats who may be at risk. Contact ' + HELPLINE_EN + ' before you remove anything.',
    ru: 'Считайте, что всё, что было на телефоне в тот момент, скопировано: смените пароли, завершите другие сеансы в мессенджерах и предупредите людей из переписок, которым это может грозить. Прежде чем что-то удалять, обратитесь сюда: ' + HELPLINE_RU + '.',
  },

  // --- powerful access, named, never accused ------------------------------------
  accessibility: {
    en: '{app} can read your screen and act for you (accessibility service). Screen readers and password managers need this; if you don’t know why this app has it, turn it off.',
    ru: '{app} может читать всё на экране и действовать за вас (служба специальных возможностей). Это нужно экранным дикторам и менеджерам паролей; если вы не знаете, зачем это приложению, отключите доступ.',
  },
  fixAccessibility: {
    en: 'Settings > Accessibility > Installed apps (Samsung: Installed services): open the app and turn it off. If it turns itself back on, ask a helpline.',
    ru: '«Настройки > Специальные возможности > Установленные приложения» (Samsung: «Установленные службы»): откройте приложение и отключите его. Если доступ включается снова сам, обратитесь на линию помощи.',
  },
  deviceAdmin: {
    en: '{app} is a device administrator: it can lock or wipe the phone and makes itself hard to remove. If you don’t know why it needs this, take the right away.',
    ru: '{app} — администратор устройства: может заблокировать или стереть телефон и мешает себя удалить. Если вы не знаете, зачем ему это, отзовите права.',
  },
  fixDeviceAdmin: {
    en: 'Settings > Security (or Biometrics and security) > Device admin apps: turn the app off there, then you can uninstall it.',
    ru: '«Настройки > Безопасность» (или «Биометрия и безопасность») > «Приложения администратора устройства»: отключите там приложение, после этого его можно удалить.',
  },
  deviceOwner: {
    en: '{app} manages this phone (device owner). On a work phone that is expected; on a personal phone it means someone else controls its settings.',
    ru: '{app} управляет этим телефоном (владелец устройства). На рабочем телефоне это нормально; на личном это значит, что его настройками распоряжается кто-то другой.',
  },
  fixDeviceOwner: {
    en: 'Ask whoever gave you the phone. If it is your own phone and you did not set this up, back up what you need and ask a helpline before a factory reset.',
    ru: 'Спросите того, кто выдал вам телефон. Если телефон ваш и вы этого не настраивали, сохраните нужные данные и посоветуйтесь с линией помощи, прежде чем сбрасывать телефон.',
  },
  notificationListener: {
    en: '{app} can read every notification, including message texts and login codes. If you don’t know why it has this, turn it off.',
    ru: '{app} может читать все уведомления, в том числе тексты сообщений и коды входа. Если вы не знаете, зачем это приложению, отключите доступ.',
  },
  fixNotificationListener: {
    en: 'Settings > Notifications > Device and app notifications (or Special app access > Notification access): turn the app off.',
    ru: '«Настройки > Уведомления > Уведомления на устройстве и в приложениях» (или «Специальный доступ > Доступ к уведомлениям»): отключите приложение.',
  },
  installApps: {
    en: '{app} can install other apps. Browsers and app stores ask for this; other apps rarely need it.',
    ru: '{app} может устанавливать другие приложения. Это просят браузеры и магазины приложений; остальным это нужно редко.',
  },
  fixInstallApps: {
    en: 'Settings > Apps > Special app access > Install unknown apps: turn it off for apps that do not need it.',
    ru: '«Настройки > Приложения > Специальный доступ > Установка неизвестных приложений»: отключите тем, кому это не нужно.',
  },
  sideloaded: {
    en: '{app} was installed by another app, {installer}, which is not an app store.',
    ru: '{app} установило другое приложение, {installer}, и это не магазин приложений.',
  },
  sideloadedFile: {
    en: '{app} was installed from a downloaded file, not from an app store.',
    ru: '{app} установлено из скачанного файла, а не из магазина приложений.',
  },
  sideloadedNoInstaller: {
    en: '{app} was installed without an app store (from a computer or a file).',
    ru: '{app} установлено без магазина приложений (с компьютера или из файла).',
  },
  fixSideloaded: {
    en: 'If you remember installing it, fine. If you don’t, look at what it can do (Settings > Apps > the app > Permissions) and remove it if you don’t need it.',
    ru: 'Если вы помните, как ставили его, всё в порядке. Если нет, посмотрите, что ему разрешено («Настройки > Приложения > приложение > Разрешения»), и удалите, если оно вам не нужно.',
  },
  hidden: {
    en: '{app} has no icon in the app list, so it runs without being seen.',
    ru: 'У {app} нет значка в списке приложений, поэтому оно работает незаметно.',
  },
  fixHidden: {
    en: 'Find it in Settings > Apps (show all apps, including system ones). Keyboards, widgets and plug-ins often have no icon; if you don’t know this app, ask a helpline.',
    ru: 'Найдите его в «Настройки > Приложения» (покажите все, включая системные). Клавиатуры, виджеты и дополнения часто бывают без значка; если вы не знаете это приложение, обратитесь на линию помощи.',
  },

  // --- settings ------------------------------------------------------------------
  adbEnabled: {
    en: 'USB debugging is on. This check needs it, but left on it lets anyone with your unlocked phone and a computer copy its data.',
    ru: 'Отладка по USB включена. Для проверки она нужна, но если её оставить, любой, у кого окажутся ваш разблокированный телефон и компьютер, сможет скопировать данные.',
  },
  fixAdb: {
    en: 'When the check is done: Settings > Developer options > Revoke USB debugging authorisations, then turn USB debugging off.',
    ru: 'Когда проверка закончится: «Настройки > Для разработчиков > Отозвать доступ для отладки по USB», затем выключите «Отладку по USB».',
  },
  adbWifi: {
    en: 'Wireless debugging is on: on a shared network, a paired computer can control this phone.',
    ru: 'Включена беспроводная отладка: в общей сети сопряжённый компьютер может управлять этим телефоном.',
  },
  fixAdbWifi: {
    en: 'Settings > Developer options > Wireless debugging: turn it off and forget the paired devices.',
    ru: '«Настройки > Для разработчиков > Беспроводная отладка»: выключите её и удалите сопряжённые устройства.',
  },
  devOptions: {
    en: 'Developer options are on.',
    ru: 'Включён режим разработчика.',
  },
  fixDevOptions: {
    en: 'After the check, turn them off: Settings > Developer options > the switch at the top.',
    ru: 'После проверки выключите его: «Настройки > Для разработчиков» > переключатель вверху.',
  },
  unknownSources: {
    en: 'Installing apps from unknown sources is allowed for the whole phone.',
    ru: 'Установка приложений из неизвестных источников разрешена для всего телефона.',
  },
  fixUnknownSources: {
    en: 'Settings > Security > Unknown sources: turn it off.',
    ru: '«Настройки > Безопасность > Неизвестные источники»: выключите.',
  },
  rooted: {
    en: 'This phone shows signs of superuser (root) access: {signs}. Root switches off Android’s protections between apps. If you did not do this yourself, treat it as serious.',
    ru: 'На телефоне есть признаки прав суперпользователя (рут): {signs}. Они отключают защиту Android между приложениями. Если вы этого не делали сами, отнеситесь к этому серьёзно.',
  },
  fixRooted: {
    en: 'If you did not root the phone, do not use it for anything sensitive and ask ' + HELPLINE_EN + '.',
    ru: 'Если вы не получали рут сами, не пользуйтесь телефоном для важного и обратитесь сюда: ' + HELPLINE_RU + '.',
  },
  patchOld: {
    en: {
      one: 'The last security update is from {patch}, more than {count} month ago: known holes stay open.',
      other: 'The last security update is from {patch}, more than {count} months ago: known holes stay open.',
    },
    ru: {
      one: 'Последнее обновление безопасности — от {patch}, больше {count} месяца назад: известные уязвимости не закрыты.',
      few: 'Последнее обновление безопасности — от {patch}, больше {count} месяцев назад: известные уязвимости не закрыты.',
      many: 'Последнее обновление безопасности — от {patch}, больше {count} месяцев назад: известные уязвимости не закрыты.',
      other: 'Последнее обновление безопасности — от {patch}, больше {count} месяца назад: известные уязвимости не закрыты.',
    },
  },
  fixPatch: {
    en: 'Settings > System > Software update (Samsung: Software update > Download and install). If no update comes any more, the phone is out of support: consider a newer one for sensitive work.',
    ru: '«Настройки > Система > Обновление ПО» (Samsung: «Обновление ПО > Загрузка и установка»). Если обновлений больше нет, телефон снят с поддержки: для важной работы лучше взять более новый.',
  },
  patchUnknown: {
    en: 'The date of the last security update could not be read.',
    ru: 'Не удалось узнать дату последнего обновления безопасности.',
  },

  // --- what could not be read --------------------------------------------------
  partial: {
    en: 'Part of the phone could not be read, so this result is incomplete: what was not read is unknown, not clean.',
    ru: 'Часть данных телефона прочитать не удалось, поэтому результат неполный: непрочитанное — неизвестно, а не «чисто».',
  },
  disconnected: {
    en: 'The phone disconnected during the check; what was not read is unknown, not clean.',
    ru: 'Телефон отключился во время проверки; непрочитанное — неизвестно, а не «чисто».',
  },
  fixDisconnected: {
    en: 'Reconnect the cable, keep the phone unlocked, and run the check again.',
    ru: 'Подключите кабель снова, не блокируйте телефон и запустите проверку ещё раз.',
  },
  certificatesSkipped: {
    en: {
      one: '{count} app was not checked by its signing certificate, only by name.',
      other: '{count} apps were not checked by their signing certificate, only by name.',
    },
    ru: {
      one: '{count} приложение проверено только по имени, без сертификата подписи.',
      few: '{count} приложения проверены только по имени, без сертификата подписи.',
      many: '{count} приложений проверены только по имени, без сертификата подписи.',
      other: '{count} приложения проверены только по имени, без сертификата подписи.',
    },
  },
  noPackages: {
    en: 'The list of apps could not be read, so nothing can be said about the apps on this phone.',
    ru: 'Список приложений прочитать не удалось, поэтому о приложениях на телефоне ничего сказать нельзя.',
  },
  noDetection: {
    en: {
      one: 'No known stalkerware or state spyware among {count} app (indicators as of {date}).',
      other: 'No known stalkerware or state spyware among {count} apps (indicators as of {date}).',
    },
    ru: {
      one: 'Среди {count} приложения не найдено известных программ-шпионов (индикаторы на {date}).',
      few: 'Среди {count} приложений не найдено известных программ-шпионов (индикаторы на {date}).',
      many: 'Среди {count} приложений не найдено известных программ-шпионов (индикаторы на {date}).',
      other: 'Среди {count} приложения не найдено известных программ-шпионов (индикаторы на {date}).',
    },
  },
  limits: {
    en: 'What this check cannot see: spyware on iPhones, zero-click attacks that install no app, and apps that are in no list yet. No detection does not mean no spyware. If you are worried, a forensic check can go further: ' + HELPLINE_EN + ', or an organisation from {cmd} contacts.',
    ru: 'Чего эта проверка не видит: шпионские программы на iPhone, атаки без единого клика, которые не ставят приложений, и приложения, которых ещё нет ни в одном списке. Если ничего не найдено, это не значит, что шпиона нет. Если вы тревожитесь, экспертиза может больше: ' + HELPLINE_RU + ' или организации из {cmd} contacts.',
  },

  androidNotChecked: {
    en: 'No Android phone was checked in this run. To check one, connect it with a cable and run {cmd} check phone, or give an androidqf acquisition: {cmd} check phone --from FOLDER.',
    ru: 'Телефон Android в этот раз не проверялся. Чтобы проверить его, подключите телефон кабелем и запустите {cmd} check phone или укажите выгрузку androidqf: {cmd} check phone --from ПАПКА.',
  },

  // --- iPhone ------------------------------------------------------------------------
  iosBackupUnencrypted: {
    en: 'An iPhone backup ({device}, {date}) on this computer is not encrypted: anyone who gets this computer, at a border for example, can read its messages and photos.',
    ru: 'Резервная копия iPhone ({device}, {date}) на этом компьютере не зашифрована: любой, к кому попадёт компьютер, например на границе, прочитает её сообщения и фотографии.',
  },
  fixIosBackup: {
    en: 'Connect the phone, open Finder (macOS) or iTunes (Windows), tick "Encrypt local backup", choose a strong password kept in your password manager, make a new backup, then delete the old one (Manage Backups).',
    ru: 'Подключите телефон, откройте Finder (macOS) или iTunes (Windows), отметьте «Шифровать локальную копию», задайте надёжный пароль и сохраните его в менеджере паролей, сделайте новую копию, затем удалите старую («Управлять резервными копиями»).',
  },
  iosBackupEncrypted: {
    en: 'The iPhone backup ({device}, {date}) is encrypted.',
    ru: 'Резервная копия iPhone ({device}, {date}) зашифрована.',
  },
  iosBackupUnknown: {
    en: 'Could not tell whether the iPhone backup ({device}) is encrypted: {problem}.',
    ru: 'Не удалось понять, зашифрована ли резервная копия iPhone ({device}): {problem}.',
  },
  iosNoBackups: {
    en: 'No iPhone or iPad backups were found on this computer.',
    ru: 'Резервных копий iPhone или iPad на этом компьютере не найдено.',
  },
  iosNoPlaces: {
    en: 'iPhone backups were not looked for: iTunes and Finder keep them on Windows and macOS, and this system has no usual folder for them. A backup made another way (for example with idevicebackup2) is wherever it was saved.',
    ru: 'Резервные копии iPhone не искались: iTunes и Finder хранят их в Windows и macOS, а в этой системе для них нет обычной папки. Копия, сделанная иначе (например, через idevicebackup2), лежит там, куда её сохранили.',
  },
  iosManual: {
    en: 'On the iPhone itself, check by hand: Settings > General > VPN & Device Management (profiles you did not install), the devices signed in to your Apple ID, and Lockdown Mode (Settings > Privacy & Security) if you are at risk.',
    ru: 'На самом iPhone проверьте вручную: «Настройки > Основные > VPN и управление устройством» (профили, которые вы не ставили), устройства, на которых выполнен вход в ваш Apple ID, и режим блокировки («Настройки > Конфиденциальность и безопасность»), если вы в группе риска.',
  },

  // --- one sentence per part that could not be read ------------------------------------
  notReadDevice: { en: 'Not read: the model and its security updates.', ru: 'Не прочитано: модель и её обновления безопасности.' },
  notReadPackages: { en: 'Not read: the list of apps.', ru: 'Не прочитано: список приложений.' },
  notReadPackageFlags: { en: 'Not read: which apps are system apps or disabled.', ru: 'Не прочитано: какие приложения системные или отключены.' },
  notReadAccessibility: { en: 'Not read: which accessibility services are on.', ru: 'Не прочитано: какие службы специальных возможностей включены.' },
  notReadDeviceAdmins: { en: 'Not read: the device administrators.', ru: 'Не прочитано: администраторы устройства.' },
  notReadNotificationListeners: { en: 'Not read: which apps can read notifications.', ru: 'Не прочитано: каким приложениям доступны уведомления.' },
  notReadInstallPermission: { en: 'Not read: which apps may install other apps.', ru: 'Не прочитано: каким приложениям разрешено ставить другие.' },
  notReadSettings: { en: 'Not read: the debugging and developer settings.', ru: 'Не прочитано: настройки отладки и режима разработчика.' },
  notReadRoot: { en: 'Not read: signs of superuser (root) access.', ru: 'Не прочитано: признаки прав суперпользователя (рут).' },
  notReadLauncher: { en: 'Not read: which apps have no icon.', ru: 'Не прочитано: у каких приложений нет значка.' },
  notReadCertificates: { en: 'Not read: the signing certificates of the apps.', ru: 'Не прочитано: сертификаты подписи приложений.' },

  // --- reading a capture (for the command) -------------------------------------------
  captureMissing: { en: '{path}: no such file or folder.', ru: '{path}: такого файла или папки нет.' },
  captureUnreadable: { en: '{path}: cannot be read.', ru: '{path}: не удаётся прочитать.' },
  captureNotCapture: {
    en: '{path}: not an androidqf acquisition or an Android bug report.',
    ru: '{path}: это не выгрузка androidqf и не отчёт об ошибке Android.',
  },
  captureEncrypted: {
    en: '{path}: the acquisition is encrypted; decrypt it with androidqf’s key first.',
    ru: '{path}: выгрузка зашифрована; сначала расшифруйте её ключом androidqf.',
  },
  captureTooLarge: { en: '{path}: too large to read.', ru: '{path}: слишком большой файл.' },
  captureCorrupt: { en: '{path}: damaged or truncated.', ru: '{path}: файл повреждён или обрезан.' },
  captureTimeout: { en: '{path}: reading took too long and was stopped.', ru: '{path}: чтение заняло слишком много времени и остановлено.' },

  // --- connecting over adb (for the guided flow) -------------------------------------------
  adbMissing: {
    en: 'adb, Google’s tool for talking to Android phones, is not installed.',
    ru: 'Не установлена программа adb — инструмент Google для связи с телефонами Android.',
  },
  adbMissingLinux: {
    en: 'Install it with your package manager (Debian, Ubuntu: sudo apt install adb; Fedora: sudo dnf install android-tools), or download Google’s “SDK Platform-Tools for Linux”.',
    ru: 'Установите её менеджером пакетов (Debian, Ubuntu: sudo apt install adb; Fedora: sudo dnf install android-tools) или скачайте у Google «SDK Platform-Tools for Linux».',
  },
  adbMissingMac: {
    en: 'Download Google’s “SDK Platform-Tools for Mac”, unpack it, and run this check again with the folder on your PATH (or: brew install android-platform-tools).',
    ru: 'Скачайте у Google «SDK Platform-Tools for Mac», распакуйте и запустите проверку снова, добавив папку в PATH (или: brew install android-platform-tools).',
  },
  adbMissingWindows: {
    en: 'Download Google’s “SDK Platform-Tools for Windows”, unpack it (for example to C:\\platform-tools), and run this check again from that folder or with it on your PATH.',
    ru: 'Скачайте у Google «SDK Platform-Tools for Windows», распакуйте (например, в C:\\platform-tools) и запустите проверку снова из этой папки или добавив её в PATH.',
  },
  adbFailed: { en: 'adb did not answer. Unplug the phone, plug it in again and retry.', ru: 'adb не отвечает. Отключите телефон, подключите снова и повторите.' },
  adbNone: {
    en: 'No phone is connected. Use a data cable (not a charge-only one), unlock the phone and turn on USB debugging.',
    ru: 'Телефон не подключён. Возьмите кабель для передачи данных (не только для зарядки), разблокируйте телефон и включите отладку по USB.',
  },
  adbUnauthorized: {
    en: 'The phone has not allowed this computer yet: unlock it and tap “Allow” on “Allow USB debugging?”.',
    ru: 'Телефон ещё не разрешил доступ этому компьютеру: разблокируйте его и нажмите «Разрешить» в окне «Разрешить отладку по USB?».',
  },
  adbOffline: {
    en: 'The phone is connected but not answering. Unplug it, unlock it and plug it in again.',
    ru: 'Телефон подключён, но не отвечает. Отключите его, разблокируйте и подключите снова.',
  },
  adbNoPermissions: {
    en: 'This computer does not let adb use the phone (Linux: add a udev rule for Android devices, for example the android-sdk-platform-tools-common package, then plug the phone in again).',
    ru: 'Компьютер не даёт adb доступа к телефону (Linux: добавьте правило udev для устройств Android, например пакет android-sdk-platform-tools-common, и подключите телефон снова).',
  },
  adbSeveral: {
    en: 'Several phones are connected ({serials}); choose one with --serial.',
    ru: 'Подключено несколько телефонов ({serials}); выберите один с помощью --serial.',
  },
  adbNotFound: { en: 'No connected phone has the serial {serial}.', ru: 'Среди подключённых нет телефона с серийным номером {serial}.' },
  guideDevOptions: {
    en: 'Turn on developer options: Settings > About phone > tap “Build number” seven times.',
    ru: 'Включите режим разработчика: «Настройки > О телефоне» > семь раз нажмите «Номер сборки».',
  },
  guideDevSamsung: {
    en: 'Samsung: Settings > About phone > Software information > tap “Build number” seven times.',
    ru: 'Samsung: «Настройки > Сведения о телефоне > Сведения о ПО» > семь раз нажмите «Номер сборки».',
  },
  guideDevXiaomi: {
    en: 'Xiaomi: Settings > About phone > tap “MIUI version” (or “OS version”) seven times; then Additional settings > Developer options, and also turn on “USB debugging (Security settings)” if you see it.',
    ru: 'Xiaomi: «Настройки > О телефоне» > семь раз нажмите «Версия MIUI» (или «Версия ОС»); затем «Расширенные настройки > Для разработчиков», и включите также «Отладка по USB (настройки безопасности)», если есть.',
  },
  guideDevPixel: {
    en: 'Pixel: Settings > About phone > tap “Build number” seven times, then Settings > System > Developer options.',
    ru: 'Pixel: «Настройки > О телефоне» > семь раз нажмите «Номер сборки», затем «Настройки > Система > Для разработчиков».',
  },
  guideUsbDebugging: {
    en: 'In Developer options, turn on “USB debugging”, then connect the phone with a data cable.',
    ru: 'В разделе «Для разработчиков» включите «Отладку по USB» и подключите телефон кабелем для передачи данных.',
  },
  guideAcceptKey: {
    en: 'On the phone, “Allow USB debugging?” appears: tap Allow (do not tick “Always allow” on a computer that is not yours).',
    ru: 'На телефоне появится «Разрешить отладку по USB?»: нажмите «Разрешить» (не отмечайте «Всегда разрешать» на чужом компьютере).',
  },
  guideReadOnly: {
    en: 'This check only reads: it installs nothing on the phone, changes no setting and copies no messages, photos or contacts.',
    ru: 'Проверка только читает: ничего не ставит на телефон, не меняет настроек и не копирует сообщения, фотографии или контакты.',
  },
  guideTurnOff: {
    en: 'Done. Now on the phone: Settings > Developer options > “Revoke USB debugging authorisations”, then turn off USB debugging and developer options.',
    ru: 'Готово. Теперь на телефоне: «Настройки > Для разработчиков > Отозвать доступ для отладки по USB», затем выключите отладку по USB и режим разработчика.',
  },

  // --- what the check reads (for --explain) ---------------------------------------------
  explainLive: {
    en: 'Over adb, read only: getprop; pm list packages (with installer, uid, disabled and uninstalled apps); dumpsys accessibility and device_policy; settings get for accessibility services, notification listeners, USB and wireless debugging, developer options and unknown sources; appops query-op REQUEST_INSTALL_PACKAGES; which su and magisk; the launcher activities. Third-party APKs are copied one at a time to a private temporary folder to read their signing certificate, then deleted.',
    ru: 'Через adb, только чтение: getprop; pm list packages (с установщиком, uid, отключёнными и удалёнными для пользователя приложениями); dumpsys accessibility и device_policy; settings get для служб специальных возможностей, доступа к уведомлениям, отладки по USB и по Wi-Fi, режима разработчика и неизвестных источников; appops query-op REQUEST_INSTALL_PACKAGES; which su и magisk; значки приложений в меню. Файлы APK сторонних приложений по одному копируются во временную закрытую папку, чтобы прочитать сертификат подписи, и сразу удаляются.',
  },
  explainCapture: {
    en: 'From a capture: androidqf’s packages.json, getprop.txt, dumpsys.txt, settings_*.txt, root_binaries.json and processes.txt, or a bug report’s dumpstate text. Nothing is written.',
    ru: 'Из выгрузки: packages.json, getprop.txt, dumpsys.txt, settings_*.txt, root_binaries.json и processes.txt от androidqf или текст dumpstate из отчёта об ошибке. Ничего не записывается.',
  },
  explainIos: {
    en: 'On this computer: the Info.plist and Manifest.plist of each iPhone or iPad backup (device name, shown masked; date; whether it is encrypted). The backups themselves are not opened.',
    ru: 'На этом компьютере: Info.plist и Manifest.plist каждой резервной копии iPhone или iPad (имя устройства, показано скрытым; дата; зашифрована ли копия). Сами копии не открываются.',
  },

  // --- indicator sets --------------------------------------------------------------------
  indicatorsInUse: { en: 'Indicators: {source}.', ru: 'Индикаторы: {source}.' },
  indicatorsCredit: {
    en: 'Stalkerware indicators by Echap (CC-BY 4.0): github.com/AssoEchap/stalkerware-indicators.',
    ru: 'Индикаторы сталкерского ПО — Echap (CC-BY 4.0): github.com/AssoEchap/stalkerware-indicators.',
  },
  indicatorsInvalid: {
    en: 'The indicator set {file} is not valid ({field}) and was not used.',
    ru: 'Набор индикаторов {file} некорректен ({field}) и не использован.',
  },
});

export const PHONE_MESSAGES = PHONE.table;
export type PhoneMessageKey = keyof typeof PHONE_MESSAGES;

export function phoneText(lang: Lang): TextOf<PhoneMessageKey> {
  return PHONE.text(lang);
}

const NOT_READ: Readonly<Record<AndroidPart, PhoneMessageKey>> = {
  device: 'notReadDevice',
  packages: 'notReadPackages',
  'package-flags': 'notReadPackageFlags',
  accessibility: 'notReadAccessibility',
  'device-admins': 'notReadDeviceAdmins',
  'notification-listeners': 'notReadNotificationListeners',
  'install-permission': 'notReadInstallPermission',
  settings: 'notReadSettings',
  root: 'notReadRoot',
  launcher: 'notReadLauncher',
  certificates: 'notReadCertificates',
};

/** The sentence saying that `part` could not be read. */
export function notReadKey(part: AndroidPart): PhoneMessageKey {
  return NOT_READ[part];
}

const CAPTURE_PROBLEM: Readonly<Record<CaptureProblem, PhoneMessageKey>> = {
  missing: 'captureMissing',
  unreadable: 'captureUnreadable',
  'not-a-capture': 'captureNotCapture',
  encrypted: 'captureEncrypted',
  'too-large': 'captureTooLarge',
  corrupt: 'captureCorrupt',
  timeout: 'captureTimeout',
};

/** The sentence for a capture that could not be read (placeholder: {path}). */
export function captureProblemKey(problem: CaptureProblem): PhoneMessageKey {
  return CAPTURE_PROBLEM[problem];
}

const PICK_PROBLEM: Readonly<Record<PickProblem, PhoneMessageKey>> = {
  'no-adb': 'adbMissing',
  'adb-failed': 'adbFailed',
  none: 'adbNone',
  unauthorized: 'adbUnauthorized',
  offline: 'adbOffline',
  'no-permissions': 'adbNoPermissions',
  several: 'adbSeveral',
  'not-found': 'adbNotFound',
};

/** The sentence for a phone that cannot be read over adb (placeholders: {serials}, {serial}). */
export function pickProblemKey(problem: PickProblem): PhoneMessageKey {
  return PICK_PROBLEM[problem];
}

/** Where to get adb on this system. */
export function adbInstallKey(platform: NodeJS.Platform): PhoneMessageKey {
  return platform === 'darwin' ? 'adbMissingMac' : platform === 'win32' ? 'adbMissingWindows' : 'adbMissingLinux';
}
