/** Output formats. A module of its own so the command definitions load without zod. */
export const FORMATS = ['table', 'json'] as const;
export type Format = (typeof FORMATS)[number];
/** `paygap report` also writes documents, and an Excel workbook (bytes, not text). */
export const REPORT_FORMATS = ['table', 'json', 'markdown', 'html', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** `paygap compare`: tables, JSON, or sentences and tables for a board paper. */
export const COMPARE_FORMATS = ['table', 'json', 'markdown'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];
/** `paygap trend` and `paygap benchmark`: every text format of a report (no workbook yet). */
export const TREND_FORMATS = ['table', 'json', 'markdown', 'html', 'csv'] as const;
export type TrendFormat = (typeof TREND_FORMATS)[number];
