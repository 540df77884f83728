// What `check metadata` and `scrub` read and clean, for their --help text, in
// both languages. Kept beside the registry so it changes with it; the command
// specs show it after their options.
import type { Lang } from '../i18n/lang.js';
import { defineMessages } from '../i18n/messages.js';

export const HELP = defineMessages('metadata-help', {
  check: {
    en: `safestep check metadata: what is checked (by content, not by file name):
- photos: JPEG (EXIF, maker-note serial numbers, XMP, IPTC, vendor blocks), PNG, WebP, GIF, HEIC/HEIF/AVIF, TIFF, DNG and raw files (CR2, CR3, CRW, NEF, ARW, ORF, RW2, PEF, RAF, X3F, IIQ), PSD, JPEG 2000, JPEG XL, SVG, XMP sidecars
- documents: PDF, DOCX/XLSX/PPTX, ODT/ODS/ODP, DOC/XLS/PPT, RTF, EPUB
- video and sound: MP4, MOV, M4A, 3GP, AVI, WAV, MKV/WebM, MP3, FLAC, Ogg/Opus
- ZIP archives: every file inside, as if it were given on its own
Every file gets one verdict: checked, not a type safestep reads (its type is named), could not be read, stopped at a safety limit, or damaged. Anything not checked is listed with what to do, and makes the exit code 1.
Not checked: what the file shows (faces, text, voices), other types (MRW, HTML, fonts, RAR/7z archives...).
Exit codes: 0 nothing risky and everything checked, 1 risky metadata found or something not checked, 2 usage error.`,
    ru: `safestep check metadata: что проверяется (по содержимому, а не по имени файла):
- фото: JPEG (EXIF, серийные номера в данных производителя, XMP, IPTC, блоки производителей), PNG, WebP, GIF, HEIC/HEIF/AVIF, TIFF, DNG и файлы RAW (CR2, CR3, CRW, NEF, ARW, ORF, RW2, PEF, RAF, X3F, IIQ), PSD, JPEG 2000, JPEG XL, SVG, файлы XMP
- документы: PDF, DOCX/XLSX/PPTX, ODT/ODS/ODP, DOC/XLS/PPT, RTF, EPUB
- видео и звук: MP4, MOV, M4A, 3GP, AVI, WAV, MKV/WebM, MP3, FLAC, Ogg/Opus
- архивы ZIP: каждый файл внутри, как если бы его указали отдельно
Каждый файл получает один вывод: проверен; тип, который safestep не читает (тип назван); не удалось прочитать; остановлено на пределе безопасности; повреждён. Всё непроверенное перечисляется с советом, что делать, и даёт код выхода 1.
Не проверяется: то, что видно в самом файле (лица, текст, голоса), и другие типы (MRW, HTML, шрифты, архивы RAR/7z…).
Коды выхода: 0 — ничего опасного и всё проверено, 1 — найдены опасные метаданные или что-то не проверено, 2 — ошибка в команде.`,
  },
  scrub: {
    en: `What is cleaned, without re-encoding (the original is kept unless --in-place):
- JPEG, PNG, WebP, GIF, HEIC/AVIF, TIFF and DNG, CR3, PSD, JPEG 2000, PDF, DOCX/XLSX/PPTX, ODT/ODS/ODP, MP4/MOV/M4A, AVI/WAV, MKV/WebM, MP3, FLAC, Ogg/Opus.
- DOC/XLS/PPT and other compound files: properties, Word's save log and author lists, the last user's name are removed in place (same size, other parts byte for byte); these copies are never called verified, because names can also hide where safestep does not read yet (it says where).
"Cleaned" is printed only when a fresh check of the copy finds nothing of medium or high risk and safestep reads every metadata container of that format; otherwise it says what it removed and what it could not verify.
Not cleaned (safestep says what to do instead): raw files other than CR3 and DNG, encrypted or damaged DOC/XLS/PPT, RTF, EPUB, SVG, JPEG XL, XMP sidecars. --in-place follows a symbolic link to the file it points to; a file with several hard links is rewritten so every name sees the cleaned file; --out gives same-named files their own names.`,
    ru: `Что очищается без перекодирования (оригинал сохраняется, если не указан --in-place):
- JPEG, PNG, WebP, GIF, HEIC/AVIF, TIFF и DNG, CR3, PSD, JPEG 2000, PDF, DOCX/XLSX/PPTX, ODT/ODS/ODP, MP4/MOV/M4A, AVI/WAV, MKV/WebM, MP3, FLAC, Ogg/Opus.
- DOC/XLS/PPT и другие составные файлы: свойства, журнал сохранений Word, списки авторов и имя последнего пользователя удаляются на месте (размер тот же, остальное байт в байт); такие копии никогда не называются проверенными: имена могут остаться там, где safestep пока не читает (он скажет, где).
«Очищено» выводится только если повторная проверка копии не находит ничего среднего или высокого риска, а safestep читает все блоки метаданных этого формата; иначе сказано, что удалено и что не удалось проверить.
Не очищаются (safestep подскажет, что делать): файлы RAW, кроме CR3 и DNG, зашифрованные или повреждённые DOC/XLS/PPT, RTF, EPUB, SVG, JPEG XL, файлы XMP. --in-place переходит по символической ссылке к самому файлу; файл с несколькими жёсткими ссылками перезаписывается так, что очищенный файл видят все его имена; при --out одноимённые файлы получают разные имена.`,
  },
});

export function checkHelp(lang: Lang): string {
  return HELP.get('check', lang);
}

export function scrubHelp(lang: Lang): string {
  return HELP.get('scrub', lang);
}
