/**
 * The pay band of an ESR grade, for breakdowns by band.
 *
 * Agenda for Change grades name their band: `NHS|XR05|Review Body Band 5` → "Band 5",
 * `Band 8A` → "Band 8a". Failing that, an `XR01`–`XR07` pay scale code gives bands 1–7 (codes
 * above 7 are not used for 8a–9, whose ESR codes vary). Other grades, such as medical ones,
 * keep their own name (the text after the last `|`): "Consultant", "Specialty Registrar".
 * A blank grade is "(no grade)".
 *
 * @example bandOf('NHS|XR05|Review Body Band 5') // 'Band 5'
 */
export function bandOf(grade: string | undefined): string {
  const text = (grade ?? '').trim();
  if (text === '') return NO_GRADE;
  const band = /\bBand\s*([1-9])\s*([a-d])?\b/i.exec(text);
  if (band) return `Band ${band[1]}${band[2]?.toLowerCase() ?? ''}`;
  const code = /\bXR0?([1-7])\b/i.exec(text);
  if (code) return `Band ${code[1]}`;
  return text.split('|').pop()?.trim() || text;
}

export const NO_GRADE = '(no grade)';

/** Bands 1 to 9 in order (8a before 8b), then other grades alphabetically, "(no grade)" last. */
export function compareBands(a: string, b: string): number {
  const rank = (name: string): [number, string] => {
    const m = /^Band ([1-9])([a-d]?)$/.exec(name);
    if (m) return [0, `${m[1]}${m[2]}`];
    return name === NO_GRADE ? [2, name] : [1, name];
  };
  const [ra, ka] = rank(a);
  const [rb, kb] = rank(b);
  return ra - rb || ka.localeCompare(kb);
}
