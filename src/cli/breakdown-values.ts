import { excerpt, UsageError } from '../errors.js';
import { WITHIN } from '../ingest/classifiers.js';
import { gradeKey, paySchemeNamed, PAY_SCHEMES, type PayScheme } from '../schema/codes/pay-schemes.js';
import { checkedString, checkedText, everyEntry, list, type Zod } from './option-values.js';

/**
 * How the options of breakdowns are read, from the command line and from the config file:
 * --within (METHOD §5.8, §5.10), --explain (METHOD §17) and --pay-scheme (METHOD §5.9).
 */
const WITHIN_EXPECTED = `expected ${WITHIN.join(', ')}, or the header of a column of the export`;

/** --within: a built-in classification, or any column by its header (METHOD §5.8, §5.10). */
export const within = {
  read: checkedText('--within', (value) => (value.trim() === '' ? undefined : value.trim()), WITHIN_EXPECTED),
  config: (zod: Zod) => checkedString(zod, (value) => (value.trim() === '' ? undefined : value.trim()), WITHIN_EXPECTED),
};

/** At most this many columns are crossed by --explain (a cell is one number in mixed radix, METHOD §17). */
export const MAX_EXPLAIN_COLUMNS = 4;

/** "band,staffGroup": one to four different columns. */
function explainColumns(value: string | readonly string[]): readonly string[] | undefined {
  const names = (typeof value === 'string' ? value.split(',') : value).map((n) => n.trim());
  if (names.length === 0 || names.length > MAX_EXPLAIN_COLUMNS || names.some((n) => n === '') || new Set(names).size < names.length) return undefined;
  return names;
}

const EXPLAIN_EXPECTED = `expected 1 to ${MAX_EXPLAIN_COLUMNS} different columns, comma-separated: ${WITHIN.join(', ')} or headers of the export, e.g. band or band,staffGroup`;

/** --explain band,staffGroup; in the config file, ["band", "staffGroup"]. */
export const explain = {
  read: checkedText('--explain', explainColumns, EXPLAIN_EXPECTED),
  config: (zod: Zod) =>
    zod.array(zod.string()).transform((names, ctx) => {
      const checked = explainColumns(names);
      if (checked === undefined) {
        ctx.issues.push({ code: 'custom', input: names, message: EXPLAIN_EXPECTED });
        return zod.NEVER;
      }
      return checked;
    }),
};

const SCHEME_EXPECTED = `expected Grade=Scheme, where Scheme is one of ${PAY_SCHEMES.join(', ')}`;

/** --pay-scheme "Grade=Scheme" (repeatable); in the config file, "paySchemes": { "Grade": "Scheme" } (METHOD §5.9). */
export const paySchemes = {
  read: list((entries): ReadonlyMap<string, PayScheme> => {
    const pairs = everyEntry(entries, (entry) => {
      const at = entry.lastIndexOf('=');
      const grade = at === -1 ? '' : entry.slice(0, at).trim();
      const scheme = paySchemeNamed(at === -1 ? '' : entry.slice(at + 1));
      if (grade === '' || scheme === undefined) throw new UsageError(`--pay-scheme ${excerpt(entry)}: ${SCHEME_EXPECTED}`);
      return [gradeKey(grade), scheme] as const;
    });
    return new Map(pairs);
  }),
  config: (zod: Zod) =>
    zod
      .record(zod.string().min(1), checkedString(zod, paySchemeNamed, `expected one of ${PAY_SCHEMES.join(', ')}`))
      .transform((record): ReadonlyMap<string, PayScheme> => new Map(Object.entries(record).map(([grade, scheme]) => [gradeKey(grade), scheme]))),
};
