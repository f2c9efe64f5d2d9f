/**
 * Which character separates the fields, when it is not given: the candidate that occurs most
 * often in the header line outside quoted text wins; comma on a tie or when none occurs.
 * Exports from ESR are comma-separated; Excel in some locales writes semicolons.
 *
 * @example detectDelimiter('Gender;"Hourly, Rate";Grade') // ';'
 */
export const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

export function detectDelimiter(line: string): string {
  const outside = line.replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const candidate of CANDIDATE_DELIMITERS) {
    const count = outside.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
