import { UsageError } from '../errors.js';
import { MEASURE_IDS } from '../report/measures.js';
import type { Target } from '../report/targets.js';
import { parseDate } from '../schema/dates.js';
import { checkedString, everyEntry, list, text, viewKey, type Zod } from './option-values.js';

/**
 * How the values of the options for saved reports are read (option-values.ts has the
 * rest): the organisation's name, benchmark's names, the config file's targets, and the
 * sample's year.
 */

/** `paygap sample --year`: a snapshot year from 2000 to 2100. */
export const year = text((value) => {
  if (!/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100) throw new UsageError(`--year ${value}: expected a year from 2000 to 2100, e.g. 2024`);
  return Number(value);
});

/** --organisation-name: the organisation's name as it should be shown, e.g. "North Trust". */
export const organisationName = {
  read: text((value) => {
    if (value.trim() === '') throw new UsageError("--organisation-name '': expected the organisation's name");
    return value.trim();
  }),
  config: (zod: Zod) => zod.string().trim().min(1, { error: "expected the organisation's name" }),
};

/** A label for one of benchmark's reports: the file as given on the command line, and its name. */
export interface NameSetting {
  readonly file: string;
  readonly label: string;
}

/** --name file=Label (repeatable): benchmark's name for an organisation's report. */
export const names = list((entries): readonly NameSetting[] => everyEntry(entries, (entry) => {
  const at = entry.indexOf('=');
  const file = entry.slice(0, at === -1 ? 0 : at).trim();
  const label = entry.slice(at + 1).trim();
  if (at === -1 || file === '' || label === '') throw new UsageError(`--name ${entry}: expected file=Label, e.g. north.json="North Trust"`);
  return { file, label };
}));

/** A target's view: "characteristic/view", or a built-in view's short name ("sex", "broad"). */
function targetView(value: string): string | undefined {
  if (/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/.test(value)) return value;
  return viewKey(value);
}

/**
 * "targets" in the config file: improvement-plan targets (METHOD §11.7), each a view, a
 * group, a measure id from the catalogue, the value to reach, the date to reach it by and
 * the baseline report (a path from the config file's folder). Config file only.
 */
export const targets = {
  config: (zod: Zod) =>
    zod
      .array(
        zod.strictObject({
          view: checkedString(zod, targetView, 'expected a view such as sex/sex, ethnicity/binary or disability/disability'),
          group: zod.string().min(1, { error: 'expected the group, e.g. Female' }),
          measure: zod.string().refine((id) => MEASURE_IDS.includes(id), { error: `expected a measure id: ${MEASURE_IDS.join(', ')}` }),
          target: zod.number({ error: 'expected the value to reach, a number (percent for gaps), e.g. 0' }),
          by: checkedString(zod, parseDate, 'expected the date to reach it by, e.g. 2028-03-31'),
          baseline: zod.string().min(1, { error: 'expected the baseline JSON report, e.g. 2024.json' }),
        }),
      )
      .transform((list): readonly Target[] => list.map((t) => ({ ...t, by: t.by as string }))),
};
