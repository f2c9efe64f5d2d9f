/**
 * The shape of the synthetic workforce: staff groups, grades with their pay points, and how
 * sex, ethnicity and disability are spread. Figures are close to Agenda for Change 2024/25
 * and the 2024/25 medical pay scales, and to published NHS workforce mixes; they are
 * illustrative, not a copy of any organisation. No real person's data is used.
 */
export interface Grade {
  /** As ESR writes it, e.g. "NHS|XR05|Review Body Band 5". */
  readonly esr: string;
  /** Annual whole-time salary at each pay point. */
  readonly points: readonly number[];
  readonly fullTimeHours: number;
  /** Relative share of the staff group in this grade. */
  readonly weight: number;
  /** 0 (lowest) to 1 (highest): used to skew who is in senior grades. */
  readonly seniority: number;
}

const afc = (band: string, code: string, points: number[], weight: number, seniority: number): Grade => ({
  esr: `NHS|${code}|Review Body Band ${band}`,
  points,
  fullTimeHours: 37.5,
  weight,
  seniority,
});

export const AFC = {
  2: afc('2', 'XR02', [23615], 0, 0),
  3: afc('3', 'XR03', [24071, 25674], 0, 0.05),
  4: afc('4', 'XR04', [26530, 29114], 0, 0.1),
  5: afc('5', 'XR05', [29970, 32324, 36483], 0, 0.2),
  6: afc('6', 'XR06', [37338, 39405, 44962], 0, 0.35),
  7: afc('7', 'XR07', [46148, 48526, 52809], 0, 0.5),
  '8a': afc('8a', 'XR08', [53755, 60504], 0, 0.65),
  '8b': afc('8b', 'XR09', [62215, 72293], 0, 0.75),
  '8c': afc('8c', 'XR10', [74290, 85601], 0, 0.85),
  '8d': afc('8d', 'XR11', [88168, 101677], 0, 0.92),
  '9': afc('9', 'XR12', [105385, 121271], 0, 1),
} as const;

type Band = keyof typeof AFC;
const bands = (weights: Partial<Record<Band, number>>): Grade[] =>
  Object.entries(weights).map(([band, weight]) => ({ ...AFC[band as Band], weight: weight as number }));

const medical = (name: string, points: number[], weight: number, seniority: number): Grade => ({
  esr: name,
  points,
  fullTimeHours: 40,
  weight,
  seniority,
});

export interface StaffGroup {
  readonly name: string;
  readonly weight: number;
  /** Probability a person in this group is female. */
  readonly female: number;
  readonly grades: readonly Grade[];
  /** Share who work part time. */
  readonly partTime: number;
}

export const STAFF_GROUPS: readonly StaffGroup[] = [
  {
    name: 'Nursing and Midwifery Registered',
    weight: 26,
    female: 0.89,
    partTime: 0.35,
    grades: bands({ 5: 40, 6: 32, 7: 20, '8a': 6, '8b': 2 }),
  },
  {
    name: 'Additional Clinical Services',
    weight: 22,
    female: 0.82,
    partTime: 0.4,
    grades: bands({ 2: 20, 3: 45, 4: 35 }),
  },
  {
    name: 'Administrative and Clerical',
    weight: 20,
    female: 0.76,
    partTime: 0.3,
    grades: bands({ 2: 10, 3: 30, 4: 25, 5: 12, 6: 8, 7: 6, '8a': 4, '8b': 2.5, '8c': 1.5, '8d': 0.7, '9': 0.3 }),
  },
  {
    name: 'Allied Health Professionals',
    weight: 7,
    female: 0.84,
    partTime: 0.3,
    grades: bands({ 5: 25, 6: 40, 7: 28, '8a': 6, '8b': 1 }),
  },
  {
    name: 'Additional Professional Scientific and Technical',
    weight: 5,
    female: 0.72,
    partTime: 0.25,
    grades: bands({ 4: 20, 5: 20, 6: 25, 7: 20, '8a': 10, '8b': 3, '8c': 2 }),
  },
  {
    name: 'Healthcare Scientists',
    weight: 2,
    female: 0.6,
    partTime: 0.2,
    grades: bands({ 5: 20, 6: 30, 7: 30, '8a': 15, '8b': 5 }),
  },
  {
    name: 'Estates and Ancillary',
    weight: 6,
    female: 0.45,
    partTime: 0.3,
    grades: bands({ 2: 55, 3: 25, 4: 15, 5: 4, 6: 1 }),
  },
  {
    name: 'Medical and Dental',
    weight: 12,
    female: 0.5,
    partTime: 0.2,
    grades: [
      medical('Foundation Year 1', [36616], 10, 0.3),
      medical('Foundation Year 2', [42008], 10, 0.35),
      medical('Specialty Registrar', [49909, 55329, 63152, 70425, 73992], 30, 0.55),
      medical('Specialty Doctor', [52530, 59175, 65818, 73410, 82400], 15, 0.6),
      medical('Consultant', [105504, 111636, 117770, 123902, 139882], 35, 1),
    ],
  },
];

/**
 * ESR ethnic origin values with weights. Includes extended codes (C3), "Z Not Stated",
 * "99 Not Known" and blanks, as real exports do.
 */
export const ETHNIC_ORIGINS: readonly (readonly [string, number])[] = [
  ['A White - British', 58],
  ['B White - Irish', 1.2],
  ['C White - Any other White background', 3.5],
  ['C3 White - Any other white background', 2],
  ['D Mixed - White & Black Caribbean', 0.6],
  ['E Mixed - White & Black African', 0.4],
  ['F Mixed - White & Asian', 0.5],
  ['G Mixed - Any other mixed background', 0.6],
  ['H Asian or Asian British - Indian', 6],
  ['J Asian or Asian British - Pakistani', 2.2],
  ['K Asian or Asian British - Bangladeshi', 0.6],
  ['L Asian or Asian British - Any other Asian background', 3.2],
  ['M Black or Black British - Caribbean', 1.4],
  ['N Black or Black British - African', 8],
  ['P Black or Black British - Any other Black background', 0.6],
  ['R Chinese', 0.6],
  ['S Any Other Ethnic Group', 2.2],
  ['Z Not Stated', 4],
  ['99 Not Known', 1],
  ['', 1.5],
];

export const DISABILITY_VALUES: readonly (readonly [string, number])[] = [
  ['No', 78],
  ['Yes', 5.5],
  ['Not Declared', 7],
  ['Prefer not to say', 2],
  ['Unspecified', 4],
  ['', 3.5],
];

/** Part-time weekly hours (full time is the grade's full-time hours). */
export const PART_TIME_HOURS = [7.5, 11.25, 15, 18.75, 22.5, 24, 30, 33.75];

/** Clinical Excellence Awards and local awards paid in the year (Medical and Dental). */
export const CLINICAL_EXCELLENCE_AWARDS = [3016, 6032, 9048, 12064, 15080, 20000, 24120, 36192];

/** One-off recognition payments some other staff receive. */
export const RECOGNITION_PAYMENTS = [100, 150, 250, 500];
