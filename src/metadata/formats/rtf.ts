// RTF: the \info group (author, operator = last saved by, company, manager,
// title, dates, user properties), the generator, the rsid table of editing
// sessions, and pictures and OLE objects embedded as hex, which keep their
// own metadata and are scanned like any file.
import { indexOf, startsWith } from '../codecs/bytes.js';
import { MetaError, type Source } from '../codecs/source.js';
import type { ScanContext } from '../context.js';
import { classifyName } from '../findings.js';
import type { Category } from '../types.js';
import type { FormatModule } from './types.js';

const MAX_RTF = 256 * 1024 * 1024;
const MAX_HEX = 32 * 1024 * 1024;

const INFO: Readonly<Record<string, readonly [string, Category]>> = {
  title: ['Title', 'other'],
  subject: ['Subject', 'other'],
  author: ['Author', 'person'],
  operator: ['LastModifiedBy', 'person'],
  manager: ['Manager', 'person'],
  company: ['Company', 'person'],
  category: ['Category', 'other'],
  keywords: ['Keywords', 'other'],
  comment: ['Comment', 'other'],
  doccomm: ['Comments', 'other'],
  hlinkbase: ['HyperlinkBase', 'other'],
};
const TIMES: Readonly<Record<string, string>> = { creatim: 'CreateDate', revtim: 'ModifyDate', printim: 'LastPrinted', buptim: 'BackupTime' };

interface Frame {
  dest: string;
  text: string;
  params: Map<string, number>;
  inInfo: boolean;
}

function hexBytes(s: string): Uint8Array {
  const clean = s.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(clean.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export async function scanRtf(src: Source, ctx: ScanContext): Promise<void> {
  if (src.size > MAX_RTF) throw new MetaError('too-large', `${src.size} bytes of RTF`);
  const bytes = await src.read(0, src.size);
  // RTF is 7-bit; other bytes stand for themselves (Latin-1 keeps offsets).
  const s = new TextDecoder('latin1').decode(bytes);
  const stack: Frame[] = [{ dest: '', text: '', params: new Map(), inInfo: false }];
  let fresh = false;
  const embedded: Array<{ hex: string; within: string }> = [];
  let rsids = 0;
  for (let i = 0; i < s.length; ) {
    if ((i & 0xffff) === 0) ctx.budget.check();
    const c = s[i];
    const top = stack[stack.length - 1] as Frame;
    if (c === '{') {
      if (stack.length > 2000) throw new MetaError('corrupt', 'RTF nested too deeply');
      stack.push({ dest: '', text: '', params: new Map(), inInfo: top.inInfo || top.dest === 'info' });
      fresh = true;
      i++;
      continue;
    }
    if (c === '}') {
      const done = stack.pop() as Frame;
      if (stack.length === 0) break;
      const info = INFO[done.dest];
      const value = done.text.trim();
      if (info && done.inInfo) ctx.out.add(info[1], info[0], value);
      else if (TIMES[done.dest] && done.inInfo) {
        const p = done.params;
        const pad = (n: number | undefined): string => String(n ?? 0).padStart(2, '0');
        if (p.has('yr')) ctx.out.add('time', TIMES[done.dest] as string, `${p.get('yr')}:${pad(p.get('mo'))}:${pad(p.get('dy'))} ${pad(p.get('hr'))}:${pad(p.get('min'))}`);
      } else if (done.dest === 'generator') ctx.out.add('software', 'Generator', value.replace(/;$/, ''));
      else if (done.dest === 'propname') (stack[stack.length - 1] as Frame).params.set(`prop:${value}`, 1);
      else if (done.dest === 'staticval') {
        const parent = stack[stack.length - 1] as Frame;
        const name = [...parent.params.keys()].reverse().find((k) => k.startsWith('prop:'))?.slice(5) ?? 'UserProperty';
        ctx.out.add(classifyName(name), name, value);
      } else if (done.dest === 'pict' && done.text.length > 0) embedded.push({ hex: done.text, within: 'embedded picture' });
      else if (done.dest === 'objdata' && done.text.length > 0) embedded.push({ hex: done.text, within: 'embedded object' });
      fresh = false;
      i++;
      continue;
    }
    if (c === '\\') {
      const next = s[i + 1] ?? '';
      if (/[a-zA-Z]/.test(next)) {
        let j = i + 1;
        while (j < s.length && /[a-zA-Z]/.test(s[j] ?? '')) j++;
        const word = s.slice(i + 1, j);
        let k = j;
        if (s[k] === '-' || /[0-9]/.test(s[k] ?? '')) {
          k++;
          while (k < s.length && /[0-9]/.test(s[k] ?? '')) k++;
        }
        const param = k > j ? Number(s.slice(j, k)) : undefined;
        if (s[k] === ' ') k++;
        if (fresh) {
          top.dest = word;
          fresh = false;
        } else if (param !== undefined) top.params.set(word, param);
        if (word === 'rsid' || word === 'insrsid' || word === 'rsidroot') rsids++;
        if (word === 'u' && param !== undefined) {
          top.text += String.fromCharCode(param < 0 ? param + 65536 : param);
          // Skip the one-character fallback that follows \uN.
          if (s[k] !== '\\' && s[k] !== '{' && s[k] !== '}') k++;
        } else if (word === 'par' || word === 'line' || word === 'tab') top.text += ' ';
        i = k;
        continue;
      }
      if (next === "'") {
        top.text += String.fromCharCode(parseInt(s.slice(i + 2, i + 4), 16) || 0x3f);
        i += 4;
        continue;
      }
      if (next === '*') {
        i += 2;
        continue;
      }
      top.text += next === '~' ? ' ' : next;
      fresh = false;
      i += 2;
      continue;
    }
    if (c !== '\r' && c !== '\n') {
      // Only the text of groups we care about is kept, so memory stays small.
      if (top.dest === 'pict' || top.dest === 'objdata') {
        if (top.text.length < MAX_HEX * 2) top.text += c;
      } else if (INFO[top.dest] || top.dest === 'generator' || top.dest === 'propname' || top.dest === 'staticval') top.text += c;
    }
    fresh = false;
    i++;
  }
  if (rsids > 0) ctx.out.add('history', 'RevisionSessionIDs', `${rsids} editing session ids (rsid)`);
  for (const e of embedded) {
    let data = hexBytes(e.hex);
    if (e.within === 'embedded object') {
      // OLE1 wrapper: class and topic names, then the native data, usually a compound file.
      const at = indexOf(data, '\xd0\xcf\x11\xe0');
      if (at < 0) {
        ctx.unread('an embedded object of a kind that is not read');
        continue;
      }
      data = data.subarray(at);
    }
    await ctx.scanEmbedded(data, e.within);
  }
}

export const rtf: FormatModule = {
  name: 'rtf',
  sniff: (head) => (startsWith(head, '{\\rtf') ? 'rtf' : null),
  scan: (src, ctx) => scanRtf(src, ctx),
  complete: true,
};
