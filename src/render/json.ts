import type { Report } from '../report/model.js';

/** SPEC §6: exactly one JSON document, numbers unrounded. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
