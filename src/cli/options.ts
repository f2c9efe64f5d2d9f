// The typed options of the commands that read an export, made from their resolved settings.
// What depends on more than one option is checked here, before any file is read: --previous
// needs --format html, --age needs --snapshot-date, --undisclosed needs its --characteristic,
// a reference group must be one of its view's groups.
import { excerpt, UsageError } from '../errors.js';
import type { Field, MappedColumns } from '../schema/fields.js';
import type { Unit, Within } from '../ingest/plan.js';
import type { Characteristic, ExtraCharacteristic } from '../schema/characteristics.js';
import type { PayMethod, PayPeriod, SalaryBasis } from '../schema/pay.js';
import type { Encoding } from '../io/scan-records.js';
import type { PayScheme } from '../schema/codes/pay-schemes.js';
import type { SettingSource } from '../report/model.js';
import { VIEWS } from '../report/views.js';
import { AGE_BANDS, ageBand } from '../report/extra-views.js';
import type { Format, ReportFormat } from './formats.js';
import type { Target } from '../report/targets.js';
import type { CharacteristicSetting, ReferenceChoice } from './option-values.js';
import { configFileOf, recordedSources, type Resolved } from './settings.js';
import type { NameSetting } from './option-values-saved.js';

export type { Format };

/** Options shared by every command that reads an export. */
export interface ReadOptions {
  readonly payMethod: PayMethod | 'auto';
  readonly unit?: Unit | undefined;
  readonly by?: readonly Characteristic[] | undefined;
  readonly salaryBasis: SalaryBasis;
  readonly payPeriod: PayPeriod;
  readonly map: ReadonlyMap<Field, MappedColumns>;
  readonly strict: boolean;
  readonly quiet: boolean;
  /** Reading threads; undefined: one (src/ingest/analyse.ts, DEFAULT_THREADS). */
  readonly threads?: number | undefined;
  /** --characteristic and --age. */
  readonly extra?: readonly ExtraCharacteristic[] | undefined;
  /** A single character, or 'auto'. */
  readonly delimiter?: string | undefined;
  readonly encoding?: Encoding | undefined;
  /** --sheet: a workbook's sheet to read; undefined: the first. */
  readonly sheet?: string | undefined;
  /** The config file an explicit pay method or unit was chosen in (for the plan's reasons). */
  readonly chosenIn?: { readonly payMethod?: string | undefined; readonly unit?: string | undefined } | undefined;
  /** Where each setting that can change a figure came from. */
  readonly settingSources: Readonly<Record<string, SettingSource>>;
  /** --organisation file=Label: the organisation of one of several exports (cli/inputs.ts). */
  readonly labels: readonly NameSetting[];
}

export interface ReportOptions extends ReadOptions {
  readonly format: ReportFormat;
  /** --previous: a JSON report to compare with (HTML year-on-year charts; with targets, their progress). */
  readonly previous?: string | undefined;
  /** Improvement-plan targets from the config file, shown with --previous (METHOD §11.7). */
  readonly targets: readonly Target[];
  /** The config file the targets came from (their baselines are read from its folder). */
  readonly targetsFrom?: string | undefined;
  /** --organisation-name: recorded in the report as `organisation`. */
  readonly organisationName?: string | undefined;
  /** Pairs of views to intersect, as "characteristic/view". */
  readonly intersect: readonly (readonly [string, string])[];
  /** Characteristics named by --intersect (they are read and reported). */
  readonly intersecting?: readonly Characteristic[] | undefined;
  readonly within?: Within | undefined;
  /** --explain: the columns whose cells explain the mean gaps. */
  readonly explain?: readonly Within[] | undefined;
  /** --pay-scheme and the config's paySchemes: grade (as gradeKey) → scheme. */
  readonly paySchemes: ReadonlyMap<string, PayScheme>;
  readonly ci?: { readonly level: number; readonly resamples: number; readonly seed: number } | undefined;
  /** "characteristic/view" → the reference group chosen for it. */
  readonly references: ReadonlyMap<string, string>;
  readonly output?: string | undefined;
  readonly minGroupSize: number;
  readonly snapshotDate: string | null;
  readonly color?: boolean | undefined;
}

export interface ValidateOptions extends ReadOptions {
  readonly format: Format;
  readonly output?: string | undefined;
}

/**
 * --characteristic (with its --undisclosed values and --reference group) and --age as the
 * plan's extra characteristics; the reference choices that name a view are returned apart.
 */
function extraCharacteristics(
  characteristics: readonly CharacteristicSetting[],
  undisclosed: ReadonlyMap<string, readonly string[]>,
  age: boolean,
  references: readonly ReferenceChoice[],
): { extra: ExtraCharacteristic[]; viewReferences: ReferenceChoice[] } {
  for (const [name, values] of undisclosed) {
    if (!characteristics.some((c) => c.name === name)) throw new UsageError(`--undisclosed ${name}=${excerpt(values.join('|'))}: no --characteristic ${name}`);
  }
  const extra: ExtraCharacteristic[] = characteristics.map((c) => ({
    name: c.name,
    header: c.column,
    kind: 'column',
    reference: c.reference,
    undisclosed: undisclosed.get(c.name) ?? c.undisclosed,
  }));
  if (age) extra.push({ name: 'age', kind: 'age', reference: undefined, undisclosed: undefined });
  const viewReferences: ReferenceChoice[] = [];
  for (const choice of references) {
    const at = extra.findIndex((x) => x.name === choice.name);
    if (at === -1) viewReferences.push(choice);
    else extra[at] = { ...(extra[at] as ExtraCharacteristic), reference: choice.name === 'age' ? ageReference(choice) : choice.group };
  }
  return { extra, viewReferences };
}

/** --reference age=25-34: one of the bands (a hyphen reads as the en dash), known before the export is read. */
function ageReference(choice: ReferenceChoice): string {
  const band = ageBand(choice.group);
  if (band === undefined) throw new UsageError(`--reference age=${excerpt(choice.group)}: expected one of the age bands ${AGE_BANDS.join(', ')}`);
  return band;
}

/** --reference view=Group: the view as "sex", "broad" or "ethnicity/broad"; the group one of its disclosed groups. */
function viewReferences(choices: readonly ReferenceChoice[]): Map<string, string> {
  const references = new Map<string, string>();
  const problems: string[] = [];
  const views = Object.values(VIEWS).flat();
  for (const { name, group, entry } of choices) {
    const view = views.find((v) => `${v.characteristic}/${v.view}` === name || v.view === name);
    if (name === 'age') {
      problems.push(`--reference ${excerpt(entry)}: age bands need --age`);
      continue;
    }
    if (view === undefined) {
      problems.push(`--reference ${excerpt(entry)}: expected view=Group, where view is one of ${views.map((v) => `${v.characteristic}/${v.view}`).join(', ')}`);
      continue;
    }
    const groups = view.groups.filter((g) => g.comparable).map((g) => g.name);
    if (!groups.includes(group)) {
      problems.push(`--reference ${excerpt(entry)}: the reference group for ${view.characteristic}/${view.view} must be one of ${groups.map((c) => JSON.stringify(c)).join(', ')}`);
      continue;
    }
    references.set(`${view.characteristic}/${view.view}`, group);
  }
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  return references;
}

type ReadSettings = Resolved<'report'>['settings'] | Resolved<'validate'>['settings'];

function readOptions(resolved: Resolved<'report'> | Resolved<'validate'>, extra: readonly ExtraCharacteristic[]): ReadOptions {
  const s: ReadSettings = resolved.settings;
  return {
    payMethod: s.payMethod,
    unit: s.unit,
    by: s.by,
    salaryBasis: s.salaryBasis,
    payPeriod: s.payPeriod,
    map: s.map,
    strict: s.strict,
    quiet: s.quiet,
    threads: s.threads,
    extra,
    delimiter: s.delimiter,
    encoding: s.encoding,
    sheet: s.sheet,
    labels: s.organisations,
    chosenIn: { payMethod: configFileOf(resolved.sources.payMethod), unit: configFileOf(resolved.sources.unit) },
    settingSources: recordedSources(resolved.command, resolved.sources),
  };
}

/** `paygap validate`: the reading settings only; report settings in the config file are not used. */
export function validateOptions(resolved: Resolved<'validate'>): ValidateOptions {
  const s = resolved.settings;
  const { extra } = extraCharacteristics(s.characteristics, s.undisclosed, s.age, []);
  return { ...readOptions(resolved, extra), format: s.format, output: s.output };
}

/**
 * `paygap report`: the settings combined and checked. Returns warnings for settings that
 * have no effect (--resamples or --seed without --ci): allowed, so a config file may hold
 * them for the runs that add --ci, but said.
 */
export function reportOptions(resolved: Resolved<'report'>): { options: ReportOptions; warnings: string[] } {
  const s = resolved.settings;
  if (s.previous !== undefined && s.format !== 'html' && s.targets.length === 0) {
    throw new UsageError('--previous goes with --format html, or with targets in the config file (their progress is shown in every format); for compare tables, use paygap compare');
  }
  if (s.age && s.snapshotDate === null) {
    throw new UsageError('--age needs --snapshot-date: ages are counted at the snapshot date, e.g. --snapshot-date 2025-03-31');
  }
  const { extra, viewReferences: choices } = extraCharacteristics(s.characteristics, s.undisclosed, s.age, s.referenceGroups);
  const references = viewReferences(choices);
  const warnings = (['resamples', 'seed'] as const)
    .filter((name) => s.ci === undefined && resolved.sources[name]?.from !== 'default')
    .map((name) => `${settingLabel(name, resolved.sources[name])} has no effect without --ci`);
  const options: ReportOptions = {
    ...readOptions(resolved, extra),
    format: s.format,
    previous: s.previous,
    targets: s.targets,
    targetsFrom: configFileOf(resolved.sources.targets),
    organisationName: s.organisationName,
    intersect: s.intersect,
    intersecting: [...new Set(s.intersect.flat().map((key) => key.split('/')[0] as Characteristic))],
    within: s.within,
    explain: s.explain,
    paySchemes: s.paySchemes,
    ci: s.ci === undefined ? undefined : { level: s.ci, resamples: s.resamples, seed: s.seed },
    references,
    output: s.output,
    minGroupSize: s.minGroupSize,
    snapshotDate: s.snapshotDate,
    color: s.color,
  };
  return { options, warnings };
}

/** `--seed`, or `seed in paygap.config.json`. */
function settingLabel(name: 'resamples' | 'seed', source: SettingSource | undefined): string {
  const file = configFileOf(source);
  return source?.from === 'config' && file !== undefined ? `${name} in ${file}` : `--${name}`;
}
