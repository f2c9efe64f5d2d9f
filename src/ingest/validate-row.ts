import type { z } from 'zod';
import type { Field } from '../schema/fields.js';
import type { ColumnMap } from '../schema/headers.js';
import { cellSchema, derivePay, type Requirements, type RowValues } from '../schema/row-schema.js';
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

// A column's distinct values repeat heavily (pay points, codes, flags), so each distinct raw
// text is parsed by its zod schema once and the verdict reused. Columns whose values are all
// different (employee numbers) stop caching at this size and call zod every time.
const CACHE_LIMIT = 50_000;

type Verdict = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly messages: readonly string[] };

interface Cell {
  readonly field: Field;
  readonly index: number;
  readonly header: string;
  readonly schema: z.ZodType;
  /** Verdicts by raw text; undefined for identifiers, whose values never repeat. */
  readonly cache: Map<string, Verdict> | undefined;
  /** Identifiers: free text whose schema gives back any text already trimmed (see `plainText`). */
  readonly identifier: boolean;
  /** A further column of a field summed from several (METHOD §1.10): its value is added to the field's. */
  readonly adds: boolean;
  /** The previous row's text and verdict: adjacent rows often agree (flags, codes). */
  lastRaw: string | undefined;
  lastVerdict: Verdict | undefined;
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
  return first > 32 && first < 127 && last > 32 && last < 127 ? cellText(raw) : undefined;
}
const TOTALS = /^\s*(grand\s+)?(sub-?)?totals?\b/i;

function verdictOf(schema: z.ZodType, raw: string): Verdict {
  const result = schema.safeParse(cellText(raw));
  return result.success ? { ok: true, value: result.data } : { ok: false, messages: result.error.issues.map((i) => i.message) };
}

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
        schema: cellSchema('staffGroup', requirements),
        cache: new Map(),
        identifier: false,
        adds: false,
        lastRaw: undefined,
        lastVerdict: undefined,
      });
      this.extraValues.push('');
    }
    for (const field of fields) {
      const first = columns.index.get(field);
      if (first === undefined) continue;
      const schema = cellSchema(field, requirements);
      // A field summed from several columns has a cell for each (METHOD §1.10).
      for (const index of columns.summed.get(field) ?? [first]) {
        this.cells.push({
          field,
          index,
          header: columns.headers[index] ?? field,
          schema,
          cache: IDENTIFIERS.has(field) ? undefined : new Map(),
          identifier: IDENTIFIERS.has(field),
          adds: index !== first,
          lastRaw: undefined,
          lastVerdict: undefined,
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
      }
      let verdict: Verdict | undefined;
      if (raw === cell.lastRaw) verdict = cell.lastVerdict as Verdict;
      else {
        const cache = cell.cache;
        verdict = cache?.get(raw);
        if (verdict === undefined) {
          verdict = verdictOf(cell.schema, raw);
          if (cache !== undefined && cache.size < CACHE_LIMIT) cache.set(raw, verdict);
        }
        cell.lastRaw = raw;
        cell.lastVerdict = verdict;
      }
      if (verdict.ok) values[cell.field] = cell.adds ? (values[cell.field] as number) + (verdict.value as number) : verdict.value;
      else {
        issues ??= [];
        for (const message of verdict.messages) issues.push({ line, column: cell.header, value: cellText(raw), message });
      }
    }
    if (issues) return issues;
    for (let k = 0; k < this.extra.length; k++) {
      const cell = this.extra[k] as Cell;
      const raw = record[cell.index] as string;
      let verdict = cell.cache?.get(raw);
      if (verdict === undefined) {
        verdict = verdictOf(cell.schema, raw);
        if (cell.cache !== undefined && cell.cache.size < CACHE_LIMIT) cell.cache.set(raw, verdict);
      }
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
