/**
 * paygap as a library (`import { analyse } from 'paygap'`): the public entry, and the only
 * one `package.json` exports. See the README's "JSON Schema and library API".
 */
export { analyse, type Analysis, type AnalyseInput, type AnalyseOptions, type InvalidRow } from './analyse.js';
export type { AnalyseSettings } from './settings.js';
export { reportJsonSchema } from '../report/report-schema.js';
export type { PublishedReport, PublishedView, PublishedGroup, PublishedState, PublishedIntersection, PublishedBreakdown, PublishedGovuk } from '../report/published.js';
export type { FigureStatus, ReasonCode, FigureKey } from '../report/status.js';
export { DataError, UsageError } from '../errors.js';
