/**
 * A figure, or the reason there is none. SPEC §4: a figure that cannot be computed is
 * null with a reason, never 0 and never NaN; a suppressed figure says so.
 */
export type Figure =
  | { readonly value: number; readonly reason?: undefined; readonly suppressed?: undefined }
  | { readonly value: null; readonly reason: string; readonly suppressed: boolean };

export const known = (value: number): Figure => ({ value });
export const unknown = (reason: string): Figure => ({ value: null, reason, suppressed: false });
export const suppressed = (reason: string): Figure => ({ value: null, reason, suppressed: true });
