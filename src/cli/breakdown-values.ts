import { excerpt, UsageError } from '../errors.js';
import { WITHIN } from '../ingest/classifiers.js';
import { gradeKey, paySchemeNamed, PAY_SCHEMES, type PayScheme } from '../schema/codes/pay-schemes.js';
import { checkedString, checkedText, everyEntry, list, type Zod } from './option-values.js';

/**
 * How the options of breakdowns are read, from the command line and from the config file:
 * --within (METHOD §5.8, §5.10) and --pay-scheme (METHOD §5.9).
 */
const WITHIN_EXPECTED = `expected ${WITHIN.join(', ')}, or the header of a column of the export`;

/** --within: a built-in classification, or any column by its header (METHOD §5.8, §5.10). */
export const within = {
  read: checkedText('--within', (value) => (value.trim() === '' ? undefined : value.trim()), WITHIN_EXPECTED),
  config: (zod: Zod) => checkedString(zod, (value) => (value.trim() === '' ? undefined : value.trim()), WITHIN_EXPECTED),
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
