import type { z } from 'zod';
import type { Field } from '../schema/fields.js';
import type { ColumnMap } from '../schema/headers.js';
import { cellSchema, DECIMAL_LIMITS, derivePay, plainDecimal, type Requirements, type RowValues } from '../schema/row-schema.js';
import type { PayConfig } from '../schema/pay.js';
import { cellText } from '../io/cell-text.js';

/** One problem with one row: where, what was found, what was expected. */
export interface RowIssue {
  /** Line number in the file (1 is the header). */
  readonly line: number;
  /** The column's header as written in the file, or "(row)" for whole-row problems. */
  readonly column: string;
  readonly value: string;
  readonly message: string;
  /** How the issue is counted in reports, when the message is specific to the row. */
  readonly reason?: string;
}

// A column's distinct values repeat heavily (codes, flags), so each distinct raw text is
// parsed by its zod schema once and the verdict reused. Columns whose values are all different
// stop caching at this size and call zod every time; identifiers and plain decimals (pay,
// hours, which may be all different) take their fast paths first and need no cache.
const CACHE_LIMIT = 50_000;
const SLOTS = 64;

type Verdict = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly messages: readonly string[] };

function verdictOf(schema: z.ZodType, raw: string): Verdict {
  const result = schema.safeParse(cellText(raw));
  return result.success ? { ok: true, value: result.data } : { ok: false, messages: result.error.issues.map((i) => i.message) };
}

/**
 * One column's zod verdicts by raw text. The scanner gives each cell as a new string, and a
 * Map lookup hashes all of it (about 60 ns a cell); most columns have a handful of values
 * (codes, flags), so a small table indexed by the length and three of the characters, checked
 * with ===, answers first (about 8 ns), and the Map behind it the rest.
 */
class Verdicts {
  private readonly keys: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly found: (Verdict | undefined)[] = new Array<Verdict | undefined>(SLOTS).fill(undefined);
  private readonly all = new Map<string, Verdict>();
  private schema: z.ZodType | undefined;

  /**
   * `build` makes the column's schema, on the first cell the fast paths leave to zod (a
   * clean file's money and hours columns never need one; building the first money schema
   * costs about 20 ms, a twentieth of a small run).
   */
  constructor(private readonly build: () => z.ZodType) {}

  of(raw: string): Verdict {
    const n = raw.length;
    const slot = n === 0 ? 0 : (n * 31 + raw.charCodeAt(0) * 7 + raw.charCodeAt(n >> 1) * 17 + raw.charCodeAt(n - 1) * 131) & (SLOTS - 1);
    if (this.keys[slot] === raw) return this.found[slot] as Verdict;
    let verdict = this.all.get(raw);
    if (verdict === undefined) {
      verdict = verdictOf((this.schema ??= this.build()), raw);
      if (this.all.size < CACHE_LIMIT) this.all.set(raw, verdict);
    }
    this.keys[slot] = raw;
    this.found[slot] = verdict;
    return verdict;
  }
}

interface Cell {
  readonly field: Field;
  readonly index: number;
  readonly header: string;
  readonly verdicts: Verdicts;
  /** Identifiers: free text whose schema gives back any text already trimmed (see `plainText`). */
  readonly identifier: boolean;
  /** Money and quantities: the field's upper limit, for the plain-decimal fast path. */
  readonly decimalMax: number | undefined;
  /** A further column of a field summed from several (METHOD §1.11): its value is added to the field's. */
  readonly adds: boolean;
}

const IDENTIFIERS: ReadonlySet<Field> = new Set(['employeeNumber', 'assignmentNumber']);

/**
 * An identifier's schema is free text: trimmed, blank for none. For a cell whose first and
 * last characters are printable ASCII, that gives back the cell's own text, so the zod call
 * is skipped and the text used as it is (a property test checks this against the schema).
 * Identifiers never repeat, so this is the only way to keep a million of them cheap.
 */
export function plainText(raw: string): string | undefined {
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  if (!(first > 32 && first < 127 && last > 32 && last < 127)) return undefined;
  // All ASCII (as identifiers are): the bytes are the text, without cellText's pattern test.
  for (let i = 1; i < raw.length - 1; i++) if (raw.charCodeAt(i) > 127) return cellText(raw);
  return raw;
}
const TOTALS = /^\s*(grand\s+)?(sub-?)?totals?\b/i;

/**
 * Validates rows of one file (cells as the scanner cuts them: bytes as Latin-1, see
 * io/cell-text.ts) against `rowSchema`'s field schemas, cell by cell, with the same
 * cross-field rule, so its verdicts equal `rowSchema(...).safeParse` (a test checks this)
 * while costing one map lookup per repeated cell value. Valid values are written to
 * `values`, one reused object, so a million rows allocate nothing per row on success.
 */
export class RowValidator {
  /** The last valid row's values (overwritten by the next call). */
  readonly values: RowValues = {};
  /** The last valid row's hourly pay under the run's pay method. */
  hourlyPay = 0;
  /** The last valid row's extra characteristic values (trimmed text), in plan order. */
  readonly extraValues: string[] = [];
  private readonly extra: Cell[] = [];
  private readonly cells: Cell[] = [];
  private readonly width: number;

  constructor(
    private readonly columns: ColumnMap,
    requirements: Requirements,
    private readonly pay: PayConfig,
    /** Only these fields are read; the rest of the file's columns are ignored. */
    fields: Iterable<Field> = requirements.present,
    /** Extra characteristic columns: free text, blank allowed. */
    extra: readonly { readonly index: number; readonly name: string }[] = [],
  ) {
    for (const x of extra) {
      this.extra.push({
        field: 'staffGroup', // validated as free text, like a staff group
        index: x.index,
        header: columns.headers[x.index] ?? x.name,
        verdicts: new Verdicts(() => cellSchema('staffGroup', requirements)),
        identifier: false,
        decimalMax: undefined,
        adds: false,
      });
      this.extraValues.push('');
    }
    for (const field of fields) {
      const first = columns.index.get(field);
      if (first === undefined) continue;
      // A field summed from several columns has a cell for each (METHOD §1.11).
      for (const index of columns.summed.get(field) ?? [first]) {
        this.cells.push({
          field,
          index,
          header: columns.headers[index] ?? field,
          verdicts: new Verdicts(() => cellSchema(field, requirements)),
          identifier: IDENTIFIERS.has(field),
          decimalMax: (DECIMAL_LIMITS as Partial<Record<Field, number>>)[field],
          adds: index !== first,
        });
      }
      (this.values as Record<string, unknown>)[field] = undefined;
    }
    this.width = columns.headers.length;
  }

  /** Column indices this validator reads. */
  get columnIndices(): number[] {
    // Column 0 as well: it tells a totals or footer row from a bad assignment row.
    return [...new Set([0, ...this.cells.map((c) => c.index), ...this.extra.map((c) => c.index)])];
  }

  /** A row whose first cell says "Total", "Grand total" or "Subtotal": a spreadsheet footer. */
  private footer(record: readonly string[], fieldCount: number, line: number): RowIssue[] | undefined {
    if (fieldCount === 0) return undefined;
    // Cheap first-letter test before the pattern: t, g, s or a space.
    const first = (record[0] ?? '').charCodeAt(0) | 32;
    if (first !== 116 && first !== 103 && first !== 115 && first !== 32) return undefined;
    if (!TOTALS.test(record[0] as string)) return undefined;
    return [{ line, column: this.columns.headers[0] ?? '(row)', value: cellText(record[0] as string), message: 'a totals or footer row, not an assignment' }];
  }

  /** Validate one record: undefined when valid (see `values`), else its issues. */
  validate(record: readonly string[], fieldCount: number, line: number): RowIssue[] | undefined {
    if (fieldCount !== this.width) {
      return (
        this.footer(record, fieldCount, line) ?? [
          { line, column: '(row)', value: `${fieldCount} fields`, message: `expected ${this.width} fields, as in the header` },
        ]
      );
    }
    // "Total" in the first column is a spreadsheet footer even if its cells happen to parse.
    const footer = this.footer(record, fieldCount, line);
    if (footer) return footer;
    const values = this.values as Record<string, unknown>;
    let issues: RowIssue[] | undefined;
    for (const cell of this.cells) {
      const raw = record[cell.index] as string;
      if (cell.identifier) {
        const text = plainText(raw);
        if (text !== undefined) {
          values[cell.field] = text;
          continue;
        }
      } else if (cell.decimalMax !== undefined) {
        // Digits and a point are ASCII, so the cell's bytes are its text.
        const value = plainDecimal(raw, cell.decimalMax);
        if (value !== undefined) {
          values[cell.field] = cell.adds ? (values[cell.field] as number) + value : value;
          continue;
        }
      }
      const verdict = cell.verdicts.of(raw);
      if (verdict.ok) values[cell.field] = cell.adds ? (values[cell.field] as number) + (verdict.value as number) : verdict.value;
      else {
        issues ??= [];
        for (const message of verdict.messages) issues.push({ line, column: cell.header, value: cellText(raw), message });
      }
    }
    if (issues) return issues;
    for (let k = 0; k < this.extra.length; k++) {
      const cell = this.extra[k] as Cell;
      const verdict = cell.verdicts.of(record[cell.index] as string);
      this.extraValues[k] = verdict.ok ? ((verdict.value as string | undefined) ?? '') : '';
    }
    const derived = derivePay(this.values, this.pay);
    if (!derived.ok) {
      const index = this.columns.index.get(derived.field);
      const column = this.columns.header.get(derived.field) ?? derived.field;
      return [{ line, column, value: index === undefined ? '' : cellText(record[index] ?? ''), message: derived.message }];
    }
    this.hourlyPay = derived.hourlyPay;
    return undefined;
  }
}
