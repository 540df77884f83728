// Tag tables of the TIFF/EXIF structure: which tags say something about a
// place, a person or a device, and ExifTool's names for the rest.
import type { Category } from '../../types.js';

export type Special = 'exif-ifd' | 'gps-ifd' | 'sub-ifds' | 'xmp' | 'iptc' | 'photoshop' | 'makernote' | 'usercomment' | 'xp' | 'thumb-offset' | 'skip';
/** A tag: its ExifTool name, what it is, and (maker notes) which number of an array holds the value. */
export type TagRule = readonly [name: string, what: Category | Special, index?: number];

/** IFD0, IFD1 and the EXIF IFD share one tag space. */
export const MAIN: ReadonlyMap<number, TagRule> = new Map<number, TagRule>([
  [0x000b, ['ProcessingSoftware', 'software']],
  [0x010d, ['DocumentName', 'other']],
  [0x010e, ['ImageDescription', 'other']],
  [0x010f, ['Make', 'device']],
  [0x0110, ['Model', 'device']],
  [0x011d, ['PageName', 'other']],
  [0x0131, ['Software', 'software']],
  [0x0132, ['ModifyDate', 'time']],
  [0x013b, ['Artist', 'person']],
  // Computer names are usually "Ivan's MacBook": a person, not just a device.
  [0x013c, ['HostComputer', 'person']],
  [0x014a, ['SubIFDs', 'sub-ifds']],
  [0x0201, ['ThumbnailOffset', 'thumb-offset']],
  [0x02bc, ['ApplicationNotes', 'xmp']],
  [0x8298, ['Copyright', 'person']],
  [0x83bb, ['IPTC-NAA', 'iptc']],
  [0x8649, ['PhotoshopSettings', 'photoshop']],
  [0x8769, ['ExifOffset', 'exif-ifd']],
  [0x8825, ['GPSInfo', 'gps-ifd']],
  [0x9003, ['DateTimeOriginal', 'time']],
  [0x9004, ['CreateDate', 'time']],
  [0x9010, ['OffsetTime', 'time']],
  [0x9011, ['OffsetTimeOriginal', 'time']],
  [0x9012, ['OffsetTimeDigitized', 'time']],
  [0x927c, ['MakerNote', 'makernote']],
  [0x9286, ['UserComment', 'usercomment']],
  [0x9c9b, ['XPTitle', 'xp']],
  [0x9c9c, ['XPComment', 'xp']],
  [0x9c9d, ['XPAuthor', 'xp']],
  [0x9c9e, ['XPKeywords', 'xp']],
  [0x9c9f, ['XPSubject', 'xp']],
  [0xa004, ['RelatedSoundFile', 'other']],
  [0xa420, ['ImageUniqueID', 'history']],
  [0xa430, ['OwnerName', 'person']],
  [0xa431, ['SerialNumber', 'serial']],
  [0xa433, ['LensMake', 'device']],
  [0xa434, ['LensModel', 'device']],
  [0xa435, ['LensSerialNumber', 'serial']],
  [0xa436, ['ImageTitle', 'other']],
  [0xa437, ['Photographer', 'person']],
  [0xa438, ['ImageEditor', 'person']],
  [0xa439, ['CameraFirmware', 'software']],
  [0xa43a, ['RAWDevelopingSoftware', 'software']],
  [0xa43b, ['ImageEditingSoftware', 'software']],
  [0xa43c, ['MetadataEditingSoftware', 'software']],
  [0xc614, ['UniqueCameraModel', 'device']],
  [0xc615, ['LocalizedCameraModel', 'device']],
  [0xc62f, ['CameraSerialNumber', 'serial']],
  [0xc68b, ['OriginalRawFileName', 'history']],
  // ASCII technical tags that say nothing about a person, place or device.
  [0x8824, ['SpectralSensitivity', 'skip']],
  [0x9290, ['SubSecTime', 'skip']],
  [0x9291, ['SubSecTimeOriginal', 'skip']],
  [0x9292, ['SubSecTimeDigitized', 'skip']],
  [0xa005, ['InteropOffset', 'skip']],
  [0xc4a5, ['PrintIM', 'skip']],
  [0xea1c, ['Padding', 'skip']],
]);

export const GPS: ReadonlyMap<number, string> = new Map([
  [0x02, 'GPSLatitude'],
  [0x04, 'GPSLongitude'],
  [0x06, 'GPSAltitude'],
  [0x07, 'GPSTimeStamp'],
  [0x08, 'GPSSatellites'],
  [0x0d, 'GPSSpeed'],
  [0x0f, 'GPSTrack'],
  [0x11, 'GPSImgDirection'],
  [0x14, 'GPSDestLatitude'],
  [0x16, 'GPSDestLongitude'],
  [0x18, 'GPSDestBearing'],
  [0x1a, 'GPSDestDistance'],
  [0x1b, 'GPSProcessingMethod'],
  [0x1c, 'GPSAreaInformation'],
  [0x1d, 'GPSDateStamp'],
  [0x1f, 'GPSHPositioningError'],
]);

let exifrNames: Map<string, Map<number, string>> | null | undefined;

/** ExifTool-style names for tags we have no rule for, from exifr's dictionaries. */
export async function tagName(tag: number): Promise<string> {
  if (exifrNames === undefined) {
    try {
      const mod = (await import('exifr')) as unknown as { default?: { tagKeys?: Map<string, Map<number, string>> } };
      exifrNames = mod.default?.tagKeys ?? null;
    } catch {
      exifrNames = null;
    }
  }
  const name = exifrNames?.get('ifd0')?.get(tag) ?? exifrNames?.get('exif')?.get(tag);
  return name ?? `Exif_0x${tag.toString(16).padStart(4, '0')}`;
}

export function isCategory(x: string): x is Category {
  return ['location', 'serial', 'person', 'device', 'software', 'time', 'history', 'thumbnail', 'other'].includes(x);
}
