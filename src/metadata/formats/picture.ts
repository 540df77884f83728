// The scrub plan shared by pictures cleaned in memory (JPEG, PNG, WebP, GIF):
// read the whole file, clean it, write the copy, and say that only metadata
// went (the picture itself may still show faces and places).
import type { Budget } from '../codecs/source.js';
import type { ScrubWarning } from '../messages.js';
import type { ImageScrub, ScrubIo, ScrubOutcome } from './types.js';

export async function scrubPictureFile(
  io: ScrubIo,
  clean: (data: Uint8Array, budget: Budget) => Promise<ImageScrub>,
  verify?: (original: Uint8Array, copy: string) => Promise<string | null>,
): Promise<ScrubOutcome> {
  const data = await io.readWhole();
  const r = await clean(data, io.budget);
  await io.writeCopy(r.data);
  const warnings: ScrubWarning[] = ['document-content'];
  if (r.keptOrientation !== undefined) warnings.push('orientation-kept');
  const outcome: ScrubOutcome = { removed: r.removed, warnings };
  if (verify) outcome.verify = (copy) => verify(data, copy);
  return outcome;
}
