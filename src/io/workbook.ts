import { Readable } from 'node:stream';
import { DataError } from '../errors.js';

/**
 * What a workbook holds before any row is read (METHOD §1.10): its sheets in the order Excel
 * shows them, the one to read (the first, or the one named by --sheet), and that sheet's
 * merged cells. An .xlsx file is a zip of XML parts; this reads only the small parts
 * (workbook, relationships) and scans the chosen sheet for `<mergeCell>` without keeping it,
 * so memory stays bounded whatever the sheet's size. jszip (a dependency of exceljs) is
 * loaded here only, when a workbook is read.
 */
export interface SheetInfo {
  readonly name: string;
  /** The sheet's part in the zip, e.g. "xl/worksheets/sheet1.xml". */
  readonly path: string;
  readonly hidden: boolean;
}

/** A merged area: 1-based rows and columns, inclusive. */
export interface MergedArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface WorkbookOutline {
  readonly sheets: readonly SheetInfo[];
  readonly sheet: SheetInfo;
  readonly merged: readonly MergedArea[];
  /** The workbook opened (its zip, parts unpacked only when read), for reading the sheet's rows. */
  readonly parts: import('jszip');
}

/** Zip files start "PK\x03\x04"; an Excel 97–2003 workbook (or an encrypted one) is an OLE file, D0 CF 11 E0. */
export const isZip = (head: Uint8Array): boolean => head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
export const isOleFile = (head: Uint8Array): boolean => head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;

export function oldExcelFile(name: string): DataError {
  return new DataError(`${name} is an Excel 97–2003 workbook (.xls) or a password-protected one, which paygap cannot read`, [
    'in Excel, save it as "Excel Workbook (.xlsx)" without a password, or as "CSV UTF-8"',
  ]);
}

const notWorkbook = (name: string, why: string) =>
  new DataError(`${name} is not a readable Excel workbook (.xlsx): ${why}`, ['save it again from Excel as "Excel Workbook (.xlsx)", or as "CSV UTF-8"']);

type Zip = import('jszip');

/** The workbook's sheets and the chosen sheet's merged cells. `wanted`: --sheet, or the first sheet. */
export async function outlineWorkbook(bytes: Uint8Array, name: string, wanted: string | undefined): Promise<WorkbookOutline> {
  const { default: JSZip } = await import('jszip');
  let zip: Zip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw notWorkbook(name, (error as Error).message);
  }
  const sheets = await sheetsOf(zip, name);
  const sheet = wanted === undefined ? sheets[0] : sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
  if (sheet === undefined) {
    throw new DataError(`${name} has no sheet named "${wanted}"`, [`sheets: ${sheets.map((s) => JSON.stringify(s.name)).join(', ')}`, 'choose one with --sheet NAME']);
  }
  if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(sheet.path)) throw notWorkbook(name, `sheet "${sheet.name}" is stored as ${sheet.path}, which paygap cannot read`);
  return { sheets, sheet, merged: await mergedAreas(zip, sheet.path), parts: zip };
}

async function partText(zip: Zip, path: string, name: string): Promise<string> {
  const file = zip.file(path);
  if (file === null) throw notWorkbook(name, `it has no ${path}`);
  return file.async('string');
}

/** An element's attributes, namespace prefixes dropped ("r:id" → "id"). */
function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) found.set((m[1] as string).replace(/^\w+:/, ''), xmlText(m[2] as string));
  return found;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function xmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return ENTITIES[entity] ?? whole;
  });
}

/** The sheets in workbook order, each with its part found through the workbook's relationships. */
async function sheetsOf(zip: Zip, name: string): Promise<SheetInfo[]> {
  const workbook = await partText(zip, 'xl/workbook.xml', name);
  const rels = await partText(zip, 'xl/_rels/workbook.xml.rels', name);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const target = a.get('Target');
    if (a.get('Id') !== undefined && target !== undefined) targets.set(a.get('Id') as string, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetInfo[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)) {
    const a = attributes(m[0]);
    const path = targets.get(a.get('id') ?? '');
    if (a.get('name') !== undefined && path !== undefined) sheets.push({ name: a.get('name') as string, path, hidden: (a.get('state') ?? 'visible') !== 'visible' });
  }
  if (sheets.length === 0) throw notWorkbook(name, 'it has no sheets');
  return sheets;
}

const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*"\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?"/g;

/** Column letters → 1-based number: A → 1, Z → 26, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/**
 * The sheet's merged areas, found by streaming its XML once: each chunk is searched for
 * `mergeCell`, with the end of the previous chunk kept so an element cut in two is found,
 * and a match is taken only when it ends in the new text (so none is counted twice).
 */
async function mergedAreas(zip: Zip, path: string): Promise<MergedArea[]> {
  const areas: MergedArea[] = [];
  let carry = '';
  // jszip gives an old-style stream; wrapped, it can be read with for await.
  const stream = new Readable().wrap((zip.file(path) as import('jszip').JSZipObject).nodeStream('nodebuffer'));
  for await (const chunk of stream) {
    const text = carry + (chunk as Buffer).toString('latin1');
    if (text.includes('mergeCell')) {
      for (const m of text.matchAll(MERGE)) {
        if ((m.index as number) + m[0].length <= carry.length) continue;
        const [, c1, r1, c2 = c1, r2 = r1] = m as unknown as [string, string, string, string | undefined, string | undefined];
        const [top, bottom] = [Number(r1), Number(r2)].sort((x, y) => x - y) as [number, number];
        const [left, right] = [columnNumber(c1), columnNumber(c2 as string)].sort((x, y) => x - y) as [number, number];
        areas.push({ top, left, bottom, right });
      }
    }
    carry = text.slice(-256);
  }
  return areas;
}
