// XMP packets (JPEG APP1, PNG iTXt, WebP, TIFF tag 700, HEIF items, PDF
// metadata streams, MP4 uuid boxes). Properties are matched by namespace URI,
// not prefix, and named as ExifTool names them.
import { text, utf16 } from './bytes.js';
import { classifyName, type Findings } from '../findings.js';
import { allText, descendants, parseXml, type XEl } from './xml.js';
import type { Category } from '../types.js';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

const NS: Record<string, string> = {
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://ns.adobe.com/xap/1.0/': 'xmp',
  'http://ns.adobe.com/xap/1.0/mm/': 'xmpMM',
  'http://ns.adobe.com/xap/1.0/rights/': 'xmpRights',
  'http://ns.adobe.com/pdf/1.3/': 'pdf',
  'http://ns.adobe.com/pdfx/1.3/': 'pdfx',
  'http://ns.adobe.com/photoshop/1.0/': 'photoshop',
  'http://ns.adobe.com/exif/1.0/': 'exif',
  'http://cipa.jp/exif/1.0/': 'exifEX',
  'http://ns.adobe.com/exif/1.0/aux/': 'aux',
  'http://ns.adobe.com/tiff/1.0/': 'tiff',
  'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/': 'Iptc4xmpCore',
  'http://iptc.org/std/Iptc4xmpExt/2008-02-29/': 'Iptc4xmpExt',
  'http://ns.adobe.com/camera-raw-settings/1.0/': 'crs',
  'http://ns.adobe.com/xmp/1.0/DynamicMedia/': 'xmpDM',
  'http://ns.google.com/photos/1.0/camera/': 'GCamera',
  'http://ns.google.com/photos/1.0/container/': 'Container',
  'http://ns.google.com/photos/1.0/image/': 'GImage',
  'http://ns.google.com/photos/1.0/depthmap/': 'GDepth',
  'http://ns.google.com/photos/1.0/panorama/': 'GPano',
  'http://ns.microsoft.com/photo/1.0/': 'MicrosoftPhoto',
  'http://ns.microsoft.com/photo/1.2/': 'MP',
  'http://www.metadataworkinggroup.com/schemas/regions/': 'mwg-rs',
  'http://ns.adobe.com/xap/1.0/g/img/': 'xmpGImg',
  'http://ns.adobe.com/xap/1.0/t/pg/': 'xmpTPg',
  'http://ns.adobe.com/illustrator/1.0/': 'illustrator',
  'http://ns.useplus.org/ldf/xmp/1.0/': 'plus',
  'http://ns.adobe.com/lightroom/1.0/': 'lr',
  'http://ns.apple.com/faceinfo/1.0/': 'apple-fi',
  'http://creativecommons.org/ns#': 'cc',
  'http://ns.adobe.com/xmp/note/': 'xmpNote',
  'http://ns.adobe.com/photoshop/1.0/camera-profile': 'stCamera',
};

type Rule = readonly [field: string, category: Category];

/** prefix:property -> ExifTool tag name and category. */
const RULES: Record<string, Rule> = {
  'dc:creator': ['Creator', 'person'],
  'dc:contributor': ['Contributor', 'person'],
  'dc:publisher': ['Publisher', 'person'],
  'dc:rights': ['Rights', 'person'],
  'dc:title': ['Title', 'other'],
  'dc:description': ['Description', 'other'],
  'dc:subject': ['Subject', 'other'],
  'dc:source': ['Source', 'other'],
  'dc:identifier': ['Identifier', 'other'],
  'dc:relation': ['Relation', 'other'],
  'dc:coverage': ['Coverage', 'location'],
  'dc:date': ['Date', 'time'],
  'xmp:CreatorTool': ['CreatorTool', 'software'],
  'xmp:CreateDate': ['CreateDate', 'time'],
  'xmp:ModifyDate': ['ModifyDate', 'time'],
  'xmp:MetadataDate': ['MetadataDate', 'time'],
  'xmp:Author': ['Author', 'person'],
  'xmp:Nickname': ['Nickname', 'person'],
  'xmp:Identifier': ['Identifier', 'other'],
  'xmp:BaseURL': ['BaseURL', 'other'],
  'xmp:Thumbnails': ['Thumbnails', 'thumbnail'],
  'xmp:PageInfo': ['PageImage', 'thumbnail'],
  'xmpMM:DocumentID': ['DocumentID', 'history'],
  'xmpMM:InstanceID': ['InstanceID', 'history'],
  'xmpMM:OriginalDocumentID': ['OriginalDocumentID', 'history'],
  'xmpMM:History': ['History', 'history'],
  'xmpMM:DerivedFrom': ['DerivedFrom', 'history'],
  'xmpMM:Ingredients': ['Ingredients', 'history'],
  'xmpMM:Pantry': ['Pantry', 'history'],
  'xmpMM:Manifest': ['Manifest', 'history'],
  'xmpMM:PreservedFileName': ['PreservedFileName', 'history'],
  'xmpMM:VersionID': ['VersionID', 'history'],
  'xmpMM:Versions': ['Versions', 'history'],
  'xmpMM:LastURL': ['LastURL', 'history'],
  'xmpRights:Owner': ['Owner', 'person'],
  'xmpRights:UsageTerms': ['UsageTerms', 'other'],
  'xmpRights:WebStatement': ['WebStatement', 'other'],
  'pdf:Producer': ['Producer', 'software'],
  'pdf:Author': ['Author', 'person'],
  'pdf:Keywords': ['Keywords', 'other'],
  'pdf:Title': ['Title', 'other'],
  'photoshop:City': ['City', 'location'],
  'photoshop:State': ['State', 'location'],
  'photoshop:Country': ['Country', 'location'],
  'photoshop:AuthorsPosition': ['AuthorsPosition', 'person'],
  'photoshop:CaptionWriter': ['CaptionWriter', 'person'],
  'photoshop:Credit': ['Credit', 'person'],
  'photoshop:Source': ['Source', 'other'],
  'photoshop:Headline': ['Headline', 'other'],
  'photoshop:Instructions': ['Instructions', 'other'],
  'photoshop:TransmissionReference': ['TransmissionReference', 'other'],
  'photoshop:DocumentAncestors': ['DocumentAncestors', 'history'],
  'photoshop:History': ['History', 'history'],
  'photoshop:DateCreated': ['DateCreated', 'time'],
  'photoshop:Category': ['Category', 'other'],
  'photoshop:SupplementalCategories': ['SupplementalCategories', 'other'],
  'exif:DateTimeOriginal': ['DateTimeOriginal', 'time'],
  'exif:DateTimeDigitized': ['DateTimeDigitized', 'time'],
  'exif:UserComment': ['UserComment', 'other'],
  'exif:ImageUniqueID': ['ImageUniqueID', 'history'],
  'exifEX:BodySerialNumber': ['SerialNumber', 'serial'],
  'exifEX:LensSerialNumber': ['LensSerialNumber', 'serial'],
  'exifEX:CameraOwnerName': ['OwnerName', 'person'],
  'exifEX:LensMake': ['LensMake', 'device'],
  'exifEX:LensModel': ['LensModel', 'device'],
  'aux:SerialNumber': ['SerialNumber', 'serial'],
  'aux:LensSerialNumber': ['LensSerialNumber', 'serial'],
  'aux:OwnerName': ['OwnerName', 'person'],
  'aux:Lens': ['Lens', 'device'],
  'aux:LensInfo': ['LensInfo', 'device'],
  'aux:LensID': ['LensID', 'device'],
  'aux:Firmware': ['Firmware', 'software'],
  'aux:ImageNumber': ['ImageNumber', 'device'],
  'tiff:Make': ['Make', 'device'],
  'tiff:Model': ['Model', 'device'],
  'tiff:Artist': ['Artist', 'person'],
  'tiff:Copyright': ['Copyright', 'person'],
  'tiff:Software': ['Software', 'software'],
  'tiff:ImageDescription': ['ImageDescription', 'other'],
  'tiff:DateTime': ['ModifyDate', 'time'],
  'Iptc4xmpCore:Location': ['Location', 'location'],
  'Iptc4xmpCore:CountryCode': ['CountryCode', 'location'],
  'Iptc4xmpCore:CreatorContactInfo': ['CreatorContactInfo', 'person'],
  'Iptc4xmpCore:IntellectualGenre': ['IntellectualGenre', 'other'],
  'Iptc4xmpCore:Scene': ['Scene', 'other'],
  'Iptc4xmpCore:SubjectCode': ['SubjectCode', 'other'],
  'Iptc4xmpExt:LocationCreated': ['LocationCreated', 'location'],
  'Iptc4xmpExt:LocationShown': ['LocationShown', 'location'],
  'Iptc4xmpExt:PersonInImage': ['PersonInImage', 'person'],
  'Iptc4xmpExt:PersonInImageWDetails': ['PersonInImageWDetails', 'person'],
  'Iptc4xmpExt:Contributor': ['Contributor', 'person'],
  'Iptc4xmpExt:ArtworkOrObject': ['ArtworkOrObject', 'other'],
  'Iptc4xmpExt:Event': ['Event', 'other'],
  'Iptc4xmpExt:DigitalSourceType': ['DigitalSourceType', 'other'],
  'crs:RawFileName': ['RawFileName', 'history'],
  'xmpDM:artist': ['Artist', 'person'],
  'xmpDM:composer': ['Composer', 'person'],
  'xmpDM:engineer': ['Engineer', 'person'],
  'xmpDM:director': ['Director', 'person'],
  'xmpDM:shotLocation': ['ShotLocation', 'location'],
  'xmpDM:cameraModel': ['CameraModel', 'device'],
  'xmpDM:cameraLabel': ['CameraLabel', 'device'],
  'xmpDM:tapeName': ['TapeName', 'other'],
  'xmpDM:logComment': ['LogComment', 'other'],
  'GCamera:MicroVideo': ['MicroVideo', 'thumbnail'],
  'GCamera:MotionPhoto': ['MotionPhoto', 'thumbnail'],
  'Container:Directory': ['ContainerDirectory', 'thumbnail'],
  'GImage:Data': ['Data', 'thumbnail'],
  'GDepth:Data': ['DepthData', 'thumbnail'],
  'GDepth:Confidence': ['Confidence', 'thumbnail'],
  'MicrosoftPhoto:LastKeywordXMP': ['LastKeywordXMP', 'other'],
  'MicrosoftPhoto:DateAcquired': ['DateAcquired', 'time'],
  'MicrosoftPhoto:CameraSerialNumber': ['CameraSerialNumber', 'serial'],
  'MicrosoftPhoto:LensManufacturer': ['LensManufacturer', 'device'],
  'MicrosoftPhoto:LensModel': ['LensModel', 'device'],
  'MP:RegionInfo': ['RegionInfoMP', 'person'],
  'mwg-rs:Regions': ['RegionInfo', 'person'],
  'apple-fi:Regions': ['RegionInfo', 'person'],
  'xmpGImg:image': ['ThumbnailImage', 'thumbnail'],
  'lr:hierarchicalSubject': ['HierarchicalSubject', 'other'],
  'lr:privateRTKInfo': ['PrivateRTKInfo', 'other'],
  'plus:Licensor': ['Licensor', 'person'],
  'plus:CopyrightOwner': ['CopyrightOwner', 'person'],
  'plus:ImageCreator': ['ImageCreator', 'person'],
  'plus:ImageSupplier': ['ImageSupplier', 'person'],
  'cc:attributionName': ['AttributionName', 'person'],
  'illustrator:CreatorSubTool': ['CreatorSubTool', 'software'],
  'x:xmptk': ['XMPToolkit', 'software'],
  'xmpNote:HasExtendedXMP': ['HasExtendedXMP', 'other'],
};

/** Namespaces of technical settings: only the rules above count, the rest is harmless. */
const TECHNICAL = new Set(['exif', 'tiff', 'aux', 'crs', 'xmpTPg', 'illustrator', 'GPano', 'stCamera', 'GCamera', 'Container', 'GImage', 'GDepth', 'xmpDM', 'lr', 'cc']);

/** Common harmless properties in any namespace. */
const HARMLESS = new Set([
  'dc:format',
  'dc:language',
  'dc:type',
  'xmp:Rating',
  'xmp:Label',
  'xmpMM:RenditionClass',
  'xmpMM:RenditionOf',
  'photoshop:ColorMode',
  'photoshop:ICCProfile',
  'photoshop:LegacyIPTCDigest',
  'photoshop:EmbeddedXMPDigest',
  'photoshop:Urgency',
  'pdf:PDFVersion',
  'pdf:Trapped',
  'xmpRights:Marked',
  'MicrosoftPhoto:Rating',
  'cc:license',
  'cc:License',
]);

function gpsRule(local: string): Rule | undefined {
  if (!local.startsWith('GPS')) return undefined;
  if (local === 'GPSVersionID') return undefined;
  if (local === 'GPSTimeStamp' || local === 'GPSDateStamp') return [local, 'time'];
  return [local, 'location'];
}

function propValue(el: XEl): string {
  const parts: string[] = [];
  const push = (e: XEl): void => {
    for (const a of e.attrs) {
      if (a.uri === RDF || a.name === 'xml:lang' || a.local === 'about') continue;
      if (a.value.trim()) parts.push(`${a.local}=${a.value.trim()}`);
    }
    if (e.text.trim()) parts.push(e.text.trim());
  };
  push(el);
  for (const d of descendants(el)) push(d);
  return parts.join(', ');
}

function report(out: Findings, uri: string, local: string, value: string): void {
  if (!value.trim()) return;
  const prefix = NS[uri];
  const key = prefix === undefined ? '' : `${prefix}:${local}`;
  if (key && HARMLESS.has(key)) return;
  const rule = (key ? RULES[key] : undefined) ?? (prefix === 'exif' || prefix === 'exifEX' ? gpsRule(local) : undefined);
  if (rule) {
    out.add(rule[1], rule[0], value);
    return;
  }
  if (prefix !== undefined && TECHNICAL.has(prefix)) {
    // Unknown technical property: only names that clearly point at a person, place or serial count.
    const c = classifyName(local);
    if (c === 'serial' || c === 'person' || c === 'location') out.add(c, ucfirst(local), value);
    return;
  }
  if (uri === RDF) return;
  const c = classifyName(local);
  out.add(c, ucfirst(local), value);
}

function ucfirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Adds the findings of one XMP packet. Malformed XML: what parsed is kept; returns false. */
export function scanXmp(xml: string, out: Findings, check?: () => void): boolean {
  const start = xml.indexOf('<');
  if (start === -1) return false;
  let body = xml.slice(start);
  // Packets often end with padding and a trailing <?xpacket end?>; both are fine for the tokenizer.
  const trailer = body.lastIndexOf('>');
  if (trailer !== -1) body = body.slice(0, trailer + 1);
  let doc: XEl;
  try {
    doc = parseXml(body, check);
  } catch {
    return false;
  }
  for (const el of descendants(doc)) {
    if (el.local === 'xmpmeta' || el.local === 'xapmeta') {
      for (const a of el.attrs) if (a.local === 'xmptk' || a.local === 'xaptk') out.add('software', 'XMPToolkit', a.value);
    }
    if (!(el.uri === RDF && el.local === 'RDF')) continue;
    // Only top-level descriptions: nested ones are values of their property.
    for (const desc of el.children) {
      if (!(desc.uri === RDF && desc.local === 'Description')) continue;
      for (const a of desc.attrs) {
        if (a.uri === RDF || a.uri === '' || a.name.startsWith('xml:')) continue;
        report(out, a.uri, a.local, a.value);
      }
      for (const prop of desc.children) {
        if (prop.uri === RDF) continue;
        const v = prop.local === 'History' ? historySummary(prop) : propValue(prop);
        report(out, prop.uri, prop.local, v);
      }
    }
  }
  return true;
}

function historySummary(el: XEl): string {
  const events = [...descendants(el)].filter((d) => d.local === 'li');
  const agents = new Set<string>();
  for (const d of descendants(el)) {
    for (const a of d.attrs) if (a.local === 'softwareAgent') agents.add(a.value);
    if (d.local === 'softwareAgent' && d.text.trim()) agents.add(d.text.trim());
  }
  const n = events.length || 1;
  return `${n} edit event(s)${agents.size ? `; ${[...agents].join(', ')}` : ''}: ${allText(el) || propValue(el)}`;
}

/** XMP packet bytes as text: UTF-8 usually, UTF-16 or UTF-32 when a BOM or zero bytes say so. */
export function xmpText(b: Uint8Array): string {
  if (b.length >= 2) {
    if (b[0] === 0xfe && b[1] === 0xff) return utf16(b.subarray(2), false);
    if (b[0] === 0xff && b[1] === 0xfe) return utf16(b.subarray(2), true);
    // "<?" in UTF-16 without a BOM.
    if (b[0] === 0 && b[1] === 0x3c) return utf16(b, false);
    if (b[0] === 0x3c && b[1] === 0) return utf16(b, true);
  }
  return text(b);
}
