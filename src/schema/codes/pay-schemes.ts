import { NO_GRADE } from './bands.js';

/**
 * The pay scheme of an ESR grade (METHOD §5.9), for `--within payScheme` and `--explain
 * payScheme`: Agenda for Change staff apart from medical and dental staff and everyone else
 * (very senior managers, non-AfC and legacy contracts), as NHS Employers advises for pay gap
 * reports. Read from the grade, and from the staff group when the grade does not say.
 *
 * Rules, in order (the first that applies decides):
 * 1. the config file's `paySchemes` (or `--pay-scheme Grade=Scheme`), by the whole grade or
 *    its last `|` part, ignoring case and spaces at the ends;
 * 2. Other: words of very senior manager, executive, non-AfC, local, spot or personal pay,
 *    and legacy contracts (Whitley, pre-AfC, protected);
 * 3. Agenda for Change: "Band" with a number 1–9, an ESR AfC pay-scale code `XR01`–`XR99`,
 *    "Agenda for Change" or "AfC";
 * 4. Medical and Dental: a medical or dental grade name or code (consultant, specialty doctor,
 *    specialist, associate specialist, staff grade, specialty or specialist registrar, resident
 *    or junior doctor, foundation year (FY1, F2…), core trainee (CT1…), specialty trainee
 *    (ST3…), senior house officer, house officer, clinical fellow, trust doctor, GP trainee,
 *    dentist, dental officer, dental core trainee…), unless the name is one of an AfC
 *    profession (a nurse consultant, a consultant clinical psychologist);
 * 5. a staff group "Medical and Dental" (or "Medical & Dental");
 * 6. a blank grade is "(no grade)"; anything else is "(not mapped)", and listed.
 *
 * @example paySchemeOf('NHS|XR05|Review Body Band 5', 'Nursing and Midwifery Registered').scheme // 'Agenda for Change'
 * @example paySchemeOf('Consultant', undefined).scheme // 'Medical and Dental'
 */
export const PAY_SCHEMES = ['Agenda for Change', 'Medical and Dental', 'Other'] as const;
export type PayScheme = (typeof PAY_SCHEMES)[number];

/** Grades no rule recognises: their own subgroup, listed so they can be mapped. */
export const NOT_MAPPED = '(not mapped)';

export interface PaySchemeReading {
  readonly scheme: PayScheme | typeof NOT_MAPPED | typeof NO_GRADE;
  /** What decided it: the config file's mapping, the grade, the staff group, or nothing. */
  readonly by: 'config' | 'grade' | 'staff group' | 'none';
}

/** A grade or mapping key compared ignoring case, and spaces at the ends and between words. */
export const gradeKey = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

const OTHER = [
  /\bvery senior managers?\b/,
  /\bvsm\b/,
  /\besm\b/,
  /\b(chief executive|executive director|executive senior manager|non[- ]?executive|chair(man|person)?)\b/,
  /\bnon[- ]?(afc|agenda for change)\b/,
  /\b(local|spot|personal) (contract|pay|rate|salary|terms)\b/,
  /\b(whitley|legacy|pre[- ]?afc|protected (pay|salary|grade))\b/,
];

const AGENDA_FOR_CHANGE = [/\bband\s*[1-9]\s*[a-d]?\b/, /\bxr\d{1,2}\b/, /\bagenda for change\b/, /\bafc\b/];

const MEDICAL = [
  /\bconsultant\b/,
  /\bspecialty doctor\b/,
  /\bassociate specialist\b/,
  /^specialist( grade| doctor)?$/,
  /\bspecialist (grade|doctor)\b/,
  /\bstaff grade\b/,
  /\b(specialty|specialist|gp|speciality) (registrar|trainee)\b/,
  /\bregistrar\b/,
  /\b(resident|junior|trust|trust grade|locally employed) doctors?\b/,
  /\bdoctors? in training\b/,
  /\bfoundation (year|doctor|house officer|trainee)\b/,
  /\bf(y)? ?[12]\b/,
  /\bcore (trainee|training)\b/,
  /\b(c|s)t ?[1-8]\b/,
  /\b(senior |pre-?registration )?house officer\b/,
  /\b(sho|prho|spr|str)\b/,
  /\bclinical (fellow|assistant)\b/,
  /\bhospital practitioner\b/,
  /\b(dentist|dental (officer|surgeon|core trainee|foundation|specialty|practitioner))\b/,
];

/** Professions under Agenda for Change whose grade names can look medical ("Nurse Consultant"). */
const AFC_PROFESSIONS = /\b(nurse|nursing|midwi\w*|psycholog\w*|pharmac\w*|therap\w*|physio\w*|scientist|radiograph\w*|paramedic|dietitian|podiatr\w*|orthoptist|prosthetist|orthotist|healthcare|allied health)\b/;

const MEDICAL_STAFF_GROUP = /^medical\s*(and|&)\s*dental$/;

/** The pay scheme of a grade (see the rules above). */
export function paySchemeOf(grade: string | undefined, staffGroup: string | undefined, overrides: ReadonlyMap<string, PayScheme> = new Map()): PaySchemeReading {
  const text = (grade ?? '').trim();
  if (text !== '') {
    const last = text.split('|').pop() ?? text;
    const chosen = overrides.get(gradeKey(text)) ?? overrides.get(gradeKey(last));
    if (chosen !== undefined) return { scheme: chosen, by: 'config' };
    const words = gradeKey(text.replace(/[|_]/g, ' '));
    if (OTHER.some((p) => p.test(words))) return { scheme: 'Other', by: 'grade' };
    if (AGENDA_FOR_CHANGE.some((p) => p.test(words))) return { scheme: 'Agenda for Change', by: 'grade' };
    const name = gradeKey(last);
    if (!AFC_PROFESSIONS.test(words) && MEDICAL.some((p) => p.test(words) || p.test(name))) return { scheme: 'Medical and Dental', by: 'grade' };
  }
  if (MEDICAL_STAFF_GROUP.test(gradeKey(staffGroup ?? ''))) return { scheme: 'Medical and Dental', by: 'staff group' };
  return { scheme: text === '' ? NO_GRADE : NOT_MAPPED, by: 'none' };
}

/** The schemes in report order: Agenda for Change, Medical and Dental, Other, "(not mapped)", "(no grade)". */
export function comparePaySchemes(a: string, b: string): number {
  const order = [...PAY_SCHEMES, NOT_MAPPED, NO_GRADE] as readonly string[];
  return order.indexOf(a) - order.indexOf(b);
}

/** A scheme named in a mapping, ignoring case ("agenda for change"); undefined if it is not one. */
export function paySchemeNamed(name: string): PayScheme | undefined {
  return PAY_SCHEMES.find((s) => s.toLowerCase() === gradeKey(name));
}
