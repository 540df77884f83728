// Photoshop image resources ("8BIM" blocks): IPTC, XMP, EXIF, the preview
// thumbnail and the writer's name. Found in JPEG APP13, TIFF tag 34377 and PSD.
import { startsWith, text, u16, u32, utf16 } from '../bytes.js';
import type { ScanContext } from '../../context.js';
import { scanXmp } from '../xmp.js';
import { scanIptc } from './iptc.js';

/** Photoshop "8BIM" resources: IPTC, XMP, EXIF and the preview thumbnail. */
/** `exif` reads an EXIF block found in the resources (passed in: the TIFF walker reads Photoshop blocks too). */
export async function scanPhotoshopIrb(b: Uint8Array, ctx: ScanContext, exif: (tiff: Uint8Array) => Promise<void>): Promise<void> {
  let i = 0;
  let n = 0;
  while (i + 12 <= b.length && n++ < 10_000) {
    if (!startsWith(b, '8BIM', i)) break;
    const id = u16(b, i + 4);
    const nameLen = b[i + 6] ?? 0;
    let p = i + 6 + 1 + nameLen;
    if ((1 + nameLen) % 2 === 1) p++;
    const size = u32(b, p);
    const start = p + 4;
    if (start + size > b.length) break;
    const data = b.subarray(start, start + size);
    i = start + size + (size % 2);
    switch (id) {
      case 0x0404:
        scanIptc(data, ctx);
        break;
      case 0x0424:
        scanXmp(text(data), ctx.out, () => ctx.budget.check());
        break;
      case 0x0422:
      case 0x0423: {
        await exif(data);
        break;
      }
      case 0x0409:
      case 0x040c:
        ctx.out.add('thumbnail', 'PhotoshopThumbnail', `${size} bytes`);
        break;
      case 0x0421: {
        // VersionInfo: version, hasRealMergedData, writer name (UTF-16 with a length prefix).
        const len = u32(data, 5);
        if (len > 0 && 9 + len * 2 <= data.length) ctx.out.add('software', 'WriterName', utf16(data.subarray(9, 9 + len * 2), false));
        break;
      }
      default:
        break;
    }
  }
}

