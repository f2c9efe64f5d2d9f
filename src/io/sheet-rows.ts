import { Readable } from 'node:stream';
import { DataError } from '../errors.js';
import type { SheetValue } from './sheet-cell.js';
import type { SheetInfo } from './workbook.js';

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

/** Stream the rows of `sheet`; `onRow` is called for each, in order, until it returns false. */
export async function readSheetRows(bytes: Uint8Array, sheet: SheetInfo, name: string, onRow: (row: SheetRow) => void | boolean): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
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
