/**
 * Dates as ESR and spreadsheets write them, read to an ISO `YYYY-MM-DD` string.
 * Accepted: `1980-01-31`, `31/01/1980` (UK day-first), `31-JAN-1980` / `31-Jan-1980` (ESR).
 * Returns `undefined` for anything else, including impossible dates such as 31/02/1980.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function parseDate(text: string): string | undefined {
  let year: number;
  let month: number;
  let day: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text))) {
    [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{1,2})[- ]([A-Za-z]{3})[- ](\d{4})$/.exec(text))) {
    day = Number(m[1]);
    month = MONTHS.indexOf((m[2] as string).toLowerCase()) + 1;
    year = Number(m[3]);
  } else {
    return undefined;
  }
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2100) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}
