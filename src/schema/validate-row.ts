import type { z } from 'zod';
import type { Field } from './fields.js';
import type { ColumnMap } from './headers.js';
import { cellSchema, derivePay, type Requirements, type RowValues } from './row-schema.js';
import type { PayConfig } from '../metrics/hourly-pay.js';

/** One problem with one row: where, what was found, what was expected. */
export interface RowIssue {
  /** Line number in the file (1 is the header). */
  readonly line: number;
  /** The column's header as written in the file, or "(row)" for whole-row problems. */
  readonly column: string;
  readonly value: string;
  readonly message: string;
}

export type RowResult =
  | { readonly ok: true; readonly values: RowValues; readonly hourlyPay: number }
  | { readonly ok: false; readonly issues: RowIssue[] };

// A column's distinct values repeat heavily (pay points, codes, flags), so each distinct raw
// text is parsed by its zod schema once and the result reused. Identifiers such as employee
// numbers are all different; the cache stops growing at this size and parses directly.
const CACHE_LIMIT = 50_000;

interface CellValidator {
  readonly field: Field;
  readonly index: number;
  readonly header: string;
  readonly schema: z.ZodType;
  readonly cache: Map<string, z.ZodSafeParseResult<unknown>>;
}

/**
 * Build the validator for one file. It applies `rowSchema`'s field schemas cell by cell,
 * with the same cross-field rule, so its verdicts equal `rowSchema(...).safeParse` (a test
 * checks this) while costing one map lookup per cell for repeated values.
 */
export function createRowValidator(columns: ColumnMap, requirements: Requirements, pay: PayConfig) {
  const cells: CellValidator[] = [];
  for (const field of requirements.present) {
    const index = columns.index.get(field);
    if (index === undefined) continue;
    cells.push({ field, index, header: columns.header.get(field) ?? field, schema: cellSchema(field, requirements), cache: new Map() });
  }
  const width = columns.headers.length;

  return function validateRow(record: readonly string[], line: number): RowResult {
    if (record.length !== width) {
      return {
        ok: false,
        issues: [{ line, column: '(row)', value: `${record.length} fields`, message: `expected ${width} fields, as in the header` }],
      };
    }
    const values: RowValues = {};
    let issues: RowIssue[] | undefined;
    for (const cell of cells) {
      const raw = record[cell.index] as string;
      let result = cell.cache.get(raw);
      if (result === undefined) {
        result = cell.schema.safeParse(raw);
        if (cell.cache.size < CACHE_LIMIT) cell.cache.set(raw, result);
      }
      if (result.success) {
        (values as Record<string, unknown>)[cell.field] = result.data;
      } else {
        issues ??= [];
        for (const issue of result.error.issues) issues.push({ line, column: cell.header, value: raw, message: issue.message });
      }
    }
    if (issues) return { ok: false, issues };
    const derived = derivePay(values, pay);
    if (!derived.ok) {
      const index = columns.index.get(derived.field);
      const column = columns.header.get(derived.field) ?? derived.field;
      return { ok: false, issues: [{ line, column, value: index === undefined ? '' : (record[index] ?? ''), message: derived.message }] };
    }
    return { ok: true, values, hourlyPay: derived.hourlyPay };
  };
}
