// Turning TIFF values into text the way ExifTool shows them.
import { latin1, text, utf16 } from '../bytes.js';

export function fmt(n: number, digits = 6): string {
  return Number.isFinite(n) ? String(Number(n.toFixed(digits))) : '';
}

export function dms(values: number[]): number | null {
  if (values.length === 0) return null;
  const [d = 0, m = 0, s = 0] = values;
  return d + m / 60 + s / 3600;
}

export function decodeUserComment(b: Uint8Array, le: boolean): string {
  if (b.length < 8) return text(b);
  const charset = latin1(b, 0, 8);
  const body = b.subarray(8);
  if (charset.startsWith('UNICODE')) return utf16(body, le);
  return text(body);
}

