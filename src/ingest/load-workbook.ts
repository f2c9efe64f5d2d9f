import { createHash } from 'node:crypto';
import { DataError } from '../errors.js';
import { FIELD_INFO, FIELDS, normaliseHeader } from '../schema/fields.js';
import { displayText, sheetCellText, type SheetValue } from '../io/sheet-cell.js';
import { readSheetRows, type SheetRow } from '../io/sheet-rows.js';
import { outlineWorkbook, type MergedArea } from '../io/workbook.js';
import { prepare, type LoadOptions, type Loaded, type Prepared } from './load.js';
import { RowConsumer } from './row-consumer.js';

/**
 * Read an Excel workbook (.xlsx) the way a CSV export is read (METHOD §1.10): one sheet (the
 * first, or --sheet), its header row found below any title rows, then every row through the
 * same row validator, so the same data gives the same figures and the same messages, with
 * rows named "sheet Staff, row 7" instead of lines.
 *
 * - The header row is the first row in which at least two cells are headers paygap knows (a
 *   field's alias, a --map or --characteristic column). Rows above it are titles and are not
 *   rows of the export. When no row within the first 50 qualifies, the first non-empty row
 *   is taken, so the usual message about missing columns lists what it holds.
 * - Rows whose cells are all empty (Excel keeps formatted empty rows) are skipped, as blank
 *   lines are in a CSV file; cells right of the header's last column are ignored.
 * - A merged area below the header counts as its value in every cell it covers, as Excel
 *   shows it (a staff group merged over several rows applies to each).
 */
export interface WorkbookOptions extends LoadOptions {
  /** --sheet: the sheet to read; undefined: the first. */
  readonly sheet?: string | undefined;
}

/** How many non-empty rows are searched for the header. */
const HEADER_SEARCH = 50;

export async function loadWorkbook(name: string, bytes: Uint8Array, options: WorkbookOptions): Promise<Loaded> {
  const shown = name === '-' ? 'stdin' : name;
  const outline = await outlineWorkbook(bytes, shown, options.sheet);
  const sheet = outline.sheet.name;
  const known = knownHeaders(options);
  const waiting: SheetRow[] = [];
  let reader: SheetReader | undefined;
  await readSheetRows(outline, shown, (row) => {
    if (isEmpty(row.values)) return;
    if (reader !== undefined) return reader.row(row);
    if (countKnown(row.values, known) >= 2) {
      reader = new SheetReader(row, options, sheet, outline.merged);
      return;
    }
    waiting.push(row);
    if (waiting.length === HEADER_SEARCH) reader = firstRowAsHeader(waiting, options, sheet, outline.merged);
  });
  if (reader === undefined && waiting.length > 0) reader = firstRowAsHeader(waiting, options, sheet, outline.merged);
  if (reader === undefined) throw new DataError(`${shown}: sheet "${sheet}" is empty: expected a header row and at least one data row`);
  return {
    file: name,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    delimiter: '',
    encoding: 'utf8',
    sheet: { name: sheet, headerRow: reader.headerRow },
    ...reader.prepared,
    assignments: reader.consumer.builder.build(),
    quality: reader.consumer.quality,
  };
}

/**
 * The header row of a workbook's sheet, found as `loadWorkbook` finds it, reading no
 * further (for `paygap init`, which proposes a config from the headers alone).
 */
export async function workbookHeader(name: string, bytes: Uint8Array, options: Pick<WorkbookOptions, 'sheet' | 'map' | 'extra'>): Promise<{ headers: string[]; sheet: string; row: number }> {
  const shown = name === '-' ? 'stdin' : name;
  const outline = await outlineWorkbook(bytes, shown, options.sheet);
  const known = knownHeaders(options);
  let first: SheetRow | undefined;
  let header: SheetRow | undefined;
  let seen = 0;
  await readSheetRows(outline, shown, (row) => {
    if (isEmpty(row.values)) return true;
    first ??= row;
    if (countKnown(row.values, known) >= 2) header = row;
    return header === undefined && ++seen < HEADER_SEARCH;
  });
  const chosen = header ?? first;
  if (chosen === undefined) throw new DataError(`${shown}: sheet "${outline.sheet.name}" is empty: expected a header row`);
  return { headers: headerTexts(chosen), sheet: outline.sheet.name, row: chosen.number };
}

/** A header row's cells as text, trailing blanks dropped, holes as blanks. */
function headerTexts(header: SheetRow): string[] {
  const headers = header.values.map((v) => displayText(v).trim());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  for (let i = 0; i < headers.length; i++) headers[i] ??= '';
  return headers;
}

/** No row looked like a header: the first non-empty row is the header, the rest are rows. */
function firstRowAsHeader(waiting: SheetRow[], options: WorkbookOptions, sheet: string, merged: readonly MergedArea[]): SheetReader {
  const [header, ...rows] = waiting.splice(0) as [SheetRow, ...SheetRow[]];
  const reader = new SheetReader(header, options, sheet, merged);
  for (const row of rows) reader.row(row);
  return reader;
}

/** Every header paygap would recognise, normalised: the fields' aliases, --map and --characteristic columns. */
function knownHeaders(options: Pick<WorkbookOptions, 'map' | 'extra'>): Set<string> {
  const known = new Set(FIELDS.flatMap((f) => FIELD_INFO[f].aliases.map(normaliseHeader)));
  for (const headers of options.map.values()) for (const header of typeof headers === 'string' ? [headers] : headers) known.add(normaliseHeader(header));
  for (const x of options.extra ?? []) if (x.header !== undefined) known.add(normaliseHeader(x.header));
  known.delete('');
  return known;
}

const countKnown = (values: readonly SheetValue[], known: ReadonlySet<string>): number =>
  values.reduce<number>((n, v) => n + (known.has(normaliseHeader(displayText(v))) ? 1 : 0), 0);

const isEmpty = (values: readonly SheetValue[]): boolean => values.every((v) => displayText(v).trim() === '');

/** The rows below the header: merged areas filled, cells made text, each validated. */
class SheetReader {
  readonly prepared: Prepared;
  readonly consumer: RowConsumer;
  readonly headerRow: number;
  private readonly width: number;
  private readonly needed: readonly number[];
  private readonly cells: string[];
  /** Merged areas below the header, by their top row; those under way, with their value. */
  private readonly pending: MergedArea[];
  private active: { readonly area: MergedArea; readonly value: SheetValue }[] = [];

  constructor(header: SheetRow, options: WorkbookOptions, sheet: string, merged: readonly MergedArea[]) {
    const headers = headerTexts(header);
    this.headerRow = header.number;
    this.prepared = prepare(headers, options);
    this.consumer = new RowConsumer(this.prepared.columns, this.prepared.plan, this.prepared.pay, { kind: 'sheet', sheet }, options.organisation);
    this.width = headers.length;
    this.needed = this.consumer.validator.columnIndices.filter((i) => i < this.width);
    this.cells = new Array<string>(this.width).fill('');
    this.pending = merged.filter((m) => m.top > header.number).sort((a, b) => a.top - b.top);
  }

  row(row: SheetRow): void {
    const values = this.merged(row);
    for (const i of this.needed) this.cells[i] = sheetCellText(values[i]);
    this.consumer.record(this.cells, this.width, row.number);
  }

  /** The row's values with every cell of a merged area holding the area's value. */
  private merged(row: SheetRow): readonly SheetValue[] {
    this.active = this.active.filter((a) => a.area.bottom >= row.number);
    while (this.pending.length > 0 && (this.pending[0] as MergedArea).top <= row.number) {
      const area = this.pending.shift() as MergedArea;
      // The value is in the area's top-left cell; an area whose top row was empty holds none.
      if (area.top === row.number) this.active.push({ area, value: row.values[area.left - 1] });
    }
    if (this.active.length === 0) return row.values;
    const values = [...row.values];
    for (const { area, value } of this.active) {
      for (let c = area.left; c <= Math.min(area.right, this.width); c++) values[c - 1] = value;
    }
    return values;
  }
}
