import { Readable } from 'node:stream';
import { DataError } from '../errors.js';
import type { SheetValue } from './sheet-cell.js';
import type { SheetInfo, WorkbookOutline } from './workbook.js';

/**
 * The rows of one sheet of a workbook, in order, streamed: exceljs's streaming reader
 * (loaded here, only when a workbook is read) parses the sheet's XML as it is unzipped, so a
 * sheet of a million rows is never held whole. Cells come as exceljs gives them: numbers,
 * text, dates for cells formatted as dates (read with the workbook's styles), booleans,
 * rich text, formula results and errors (see sheet-cell.ts). Rows Excel has no record of
 * (never touched) are not given at all.
 */
export interface SheetRow {
  /** The row's number in the sheet (1 is the top row). */
  readonly number: number;
  /** Cell values by column, column A at index 0; holes for empty cells. */
  readonly values: readonly SheetValue[];
}

interface StreamedRow {
  readonly number: number;
  readonly values: readonly SheetValue[] | Readonly<Record<number, SheetValue>>;
}

interface StreamedSheet extends AsyncIterable<StreamedRow> {
  readonly id: number | string;
  readonly name: string;
}

/**
 * The parts exceljs's streaming reader needs, in the order it needs them: the workbook, its
 * relationships, the shared strings and the styles before the sheet. Excel (and exceljs)
 * store the sheets before the shared strings; met in that order, exceljs copies the whole
 * sheet to a temporary file and reads it afterwards, which held every row on disk and, with
 * several workbooks read in one process, failed now and then ("cannot read properties of
 * undefined (reading 'sheets')"). Repacked (quickly compressed, streamed), the sheet is read
 * as it is unzipped.
 */
async function inReadingOrder(outline: WorkbookOutline): Promise<Readable> {
  const { default: JSZip } = await import('jszip');
  const repacked = new JSZip();
  for (const path of ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', outline.sheet.path]) {
    const part = outline.parts.file(path);
    if (part !== null) repacked.file(path, part.nodeStream('nodebuffer'));
  }
  // jszip gives an old-style stream; wrapped, it is a Readable.
  return new Readable().wrap(repacked.generateNodeStream({ streamFiles: true, compression: 'DEFLATE', compressionOptions: { level: 1 } }));
}

/** Stream the rows of the outline's sheet; `onRow` is called for each, in order, until it returns false. */
export async function readSheetRows(outline: WorkbookOutline, name: string, onRow: (row: SheetRow) => void | boolean): Promise<void> {
  const { sheet } = outline;
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(await inReadingOrder(outline), {
    sharedStrings: 'cache',
    styles: 'cache', // date formats tell dates from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let found = false;
  try {
    for await (const worksheet of reader as unknown as AsyncIterable<StreamedSheet>) {
      if (found || !isSheet(worksheet, sheet)) continue; // exceljs skips what is not read
      found = true;
      for await (const row of worksheet) {
        // exceljs's values put column A at index 1.
        if (onRow({ number: row.number, values: (row.values as SheetValue[]).slice(1) }) === false) return;
      }
    }
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(`${name}: sheet "${sheet.name}" cannot be read: ${(error as Error).message}`, ['save it again from Excel as "Excel Workbook (.xlsx)", or as "CSV UTF-8"']);
  }
  if (!found) throw new DataError(`${name}: sheet "${sheet.name}" cannot be read (its part ${sheet.path} was not found)`);
}

/** exceljs names a sheet from the workbook when it can, else "Sheet<n>" after its part. */
function isSheet(worksheet: StreamedSheet, sheet: SheetInfo): boolean {
  if (worksheet.name === sheet.name) return true;
  return worksheet.name === `Sheet${worksheet.id}` && sheet.path === `xl/worksheets/sheet${worksheet.id}.xml`;
}
