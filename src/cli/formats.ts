/** Output formats. A module of its own so the command definitions load without zod. */
export const FORMATS = ['table', 'json'] as const;
export type Format = (typeof FORMATS)[number];
