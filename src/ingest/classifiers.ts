import { DataError, excerpt } from '../errors.js';
import type { Field } from '../schema/fields.js';
import { columnNamed, headersFound } from '../schema/headers.js';
import { missingColumn, type Planning } from './plan-columns.js';

/** The built-in classifications a report can be broken down (--within) or explained (--explain) by. */
export const WITHIN = ['staffGroup', 'grade', 'band', 'payScheme'] as const;
export type BuiltInWithin = (typeof WITHIN)[number];
/** A --within or --explain column: a built-in classification, or any column of the export by its header. */
export type Within = string;

/**
 * A classification of units into cells (METHOD §5.8–§5.10), as planned for this file: a built-in
 * one (read from the staff group and grade fields), or a column read as text.
 */
export type Classifier =
  | { readonly name: string; readonly kind: BuiltInWithin }
  | {
      readonly name: string;
      readonly kind: 'column';
      /** The header as written in the file. */
      readonly header: string;
      readonly index: number;
      /** Its place among the units' text columns (`Units.extra`), after the extra characteristics. */
      readonly text: number;
    };

/** The --within and --explain options, as given. */
export interface ClassifierOptions {
  readonly within?: Within | undefined;
  readonly explain?: readonly Within[] | undefined;
}

/**
 * --within and --explain: the fields a built-in classification reads (a pay scheme reads the
 * staff group too when there is one), or the column a header names, read as text after the
 * extra characteristics.
 */
export function planClassifiers(p: Planning, options: ClassifierOptions, used: Set<Field>, texts: number): Classifier[] {
  const asked = [
    ...(options.within === undefined ? [] : [[options.within, '--within'] as const]),
    ...(options.explain ?? []).map((name) => [name, '--explain'] as const),
  ];
  const planned = new Map<string, Classifier>();
  for (const [name, option] of asked) {
    if (planned.has(name)) continue;
    // A person's staff group, grade and other columns come from their primary assignment.
    used.add('primaryAssignment');
    if ((WITHIN as readonly string[]).includes(name)) {
      const kind = name as BuiltInWithin;
      const field = kind === 'staffGroup' ? 'staffGroup' : 'grade';
      if (!p.has(field)) throw missingColumn([field], `${option} ${name} needs it`, p.columns);
      used.add(field);
      if (kind === 'payScheme' && p.has('staffGroup')) used.add('staffGroup');
      planned.set(name, { name, kind });
      continue;
    }
    const index = columnNamed(p.columns, name);
    if (index === undefined) {
      throw new DataError(`${option} ${excerpt(name)}: the file has no such column`, [
        headersFound(p.columns.headers),
        `${option} takes ${WITHIN.join(', ')}, or the header of any column of the export`,
      ]);
    }
    planned.set(name, { name, kind: 'column', header: p.columns.headers[index] as string, index, text: texts++ });
  }
  return [...planned.values()];
}
