// Vendor blocks inside JPEG APPn segments that name the camera or its owner:
// FLIR thermal cameras (APP1 "FLIR", an FFF record directory), GoPro (APP6
// "GoPro", GPMF key-length-value data), InfiRay (APP9 sensor block), and the
// APP12 "[picture info]" text some cameras write. Layouts follow ExifTool's
// tag documentation.
import { cstring, latin1, startsWith, u16, u32 } from '../codecs/bytes.js';
import type { ScanContext } from '../context.js';
import { classifyName } from '../findings.js';

/** FLIR APP1: "FLIR\0", 0x01, part index, last part index, then a slice of one FFF file. */
export function flirPart(p: Uint8Array): { index: number; last: number; data: Uint8Array } | null {
  if (!startsWith(p, 'FLIR\0') || p.length < 8) return null;
  return { index: p[6] ?? 0, last: p[7] ?? 0, data: p.subarray(8) };
}

/** An FFF file: header, record directory; record 0x20 (CameraInfo) holds model and serial numbers. */
export function scanFff(fff: Uint8Array, ctx: ScanContext): void {
  if (!startsWith(fff, 'FFF\0') || fff.length < 0x40) return;
  let le = false;
  const version = u32(fff, 0x14, le);
  if (version < 100 || version >= 200) le = true;
  const dirAt = u32(fff, 0x18, le);
  const n = Math.min(u32(fff, 0x1c, le), 256);
  for (let i = 0; i < n; i++) {
    const e = dirAt + i * 0x20;
    if (e + 0x20 > fff.length) break;
    if (u16(fff, e, le) !== 0x20) continue;
    const at = u32(fff, e + 0x0c, le);
    const len = u32(fff, e + 0x10, le);
    if (at + len > fff.length) continue;
    const rec = fff.subarray(at, at + len);
    const str = (o: number, size: number): string => (o + size <= rec.length ? cstring(rec, o, o + size) : '');
    ctx.out.add('device', 'CameraModel', str(0xd4, 32));
    ctx.out.add('serial', 'CameraSerialNumber', str(0x104, 16));
    ctx.out.add('device', 'LensModel', str(0x170, 32));
    ctx.out.add('serial', 'LensSerialNumber', str(0x1a0, 16));
    ctx.out.add('serial', 'FilterSerialNumber', str(0x21c, 32));
  }
}

/** GoPro GPMF: keys of interest are CASN (camera serial) and MINF (model). */
export function scanGpmf(p: Uint8Array, ctx: ScanContext, depth = 0): void {
  let i = 0;
  let n = 0;
  while (i + 8 <= p.length && n++ < 10_000 && depth < 8) {
    const key = latin1(p, i, i + 4);
    const type = p[i + 4] ?? 0;
    const size = p[i + 5] ?? 0;
    const repeat = u16(p, i + 6);
    const len = size * repeat;
    const data = p.subarray(i + 8, Math.min(p.length, i + 8 + len));
    if (type === 0) scanGpmf(data, ctx, depth + 1);
    else if (key === 'CASN') ctx.out.add('serial', 'CameraSerialNumber', cstring(data));
    else if (key === 'MINF') ctx.out.add('device', 'Model', cstring(data));
    i += 8 + Math.ceil(len / 4) * 4;
  }
}

/** InfiRay APP9 sensor block (after an APP2 "IJPEG" header). */
export function scanInfiraySensor(p: Uint8Array, ctx: ScanContext): void {
  const str = (o: number, size: number): string => (o + size <= p.length ? cstring(p, o, o + size) : '');
  ctx.out.add('device', 'IRSensorName', str(0x40, 12));
  ctx.out.add('serial', 'IRSensorSerialNumber', str(0xc0, 32));
  ctx.out.add('device', 'VisibleSensorName', str(0x1c0, 12));
  ctx.out.add('serial', 'VisibleSensorSerialNumber', str(0x240, 32));
}

/** APP12 "[picture info]" text: key=value lines, classified by key. */
export function scanPictureInfo(p: Uint8Array, ctx: ScanContext): void {
  for (const line of latin1(p, 0, Math.min(p.length, 64 * 1024)).split(/[\r\n\0]+/)) {
    const m = /^([A-Za-z][\w #]{0,40})=(.*)$/.exec(line.trim());
    if (!m || !m[1] || !m[2]?.trim()) continue;
    const key = m[1].replace(/\s+/g, '').replace(/#$/, 'Number');
    const category = classifyName(key);
    ctx.out.add(category, key, m[2]);
  }
}
