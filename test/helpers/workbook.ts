import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

/**
 * Workbooks built in code for the Excel tests (no binary fixtures): sheets of rows, with
 * title rows, merged areas and number formats where a test needs them.
 */
export type CellValue = string | number | boolean | Date | null | ExcelJS.CellValue;

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  /** Merged areas, e.g. "A1:P1". */
  readonly merges?: readonly string[];
  /** Number formats by column (1-based), e.g. dates. */
  readonly formats?: Readonly<Record<number, string>>;
}

export async function workbookBytes(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = book.addWorksheet(spec.name);
    for (const values of spec.rows) {
      const row = ws.addRow([...values] as ExcelJS.CellValue[]);
      for (const [column, format] of Object.entries(spec.formats ?? {})) {
        const cell = row.getCell(Number(column));
        if (cell.value !== null && cell.value !== undefined) cell.numFmt = format;
      }
    }
    for (const area of spec.merges ?? []) ws.mergeCells(area);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const NUMERIC = new Set(['Contracted Hours', 'FTE', 'Annual Salary', 'Hourly Rate', 'Ordinary Pay', 'Bonus Pay']);
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/**
 * A CSV export's rows as Excel would hold them after "open and save as .xlsx": pay and hours
 * as numbers, dates of birth as dates, employee numbers as numbers, the rest as text.
 */
export function csvAsSheetRows(text: string): { header: string[]; rows: CellValue[][]; dateColumn: number } {
  const [header, ...records] = parse(text) as string[][];
  const columns = header as string[];
  const rows = records.map((record) =>
    record.map((cell, i): CellValue => {
      const name = columns[i] as string;
      if (NUMERIC.has(name) && cell !== '') {
        const n = Number(cell.replace(/^£/, '').replaceAll(',', ''));
        return Number.isFinite(n) ? n : cell;
      }
      if (name === 'Employee Number' && /^\d+$/.test(cell)) return Number(cell);
      const date = /^(\d\d)-([A-Z]{3})-(\d{4})$/.exec(cell);
      if (name === 'Date of Birth' && date !== null) return new Date(Date.UTC(Number(date[3]), MONTHS.indexOf(date[2] as string), Number(date[1])));
      return cell;
    }),
  );
  return { header: columns, rows, dateColumn: columns.indexOf('Date of Birth') + 1 };
}
