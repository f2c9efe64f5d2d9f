import type { InputFile } from '../report/model.js';
import { count } from './format.js';

/**
 * One file of a report of several, in words (METHOD §16.3), for the data-quality section of
 * every document: "north.csv (organisation North Trust): 2,000 rows read, 1,998 valid, 2
 * invalid". `text` escapes what comes from outside (the file's name, its label) for the
 * document it goes into.
 */
export function inputFileText(input: InputFile, text: (s: string) => string): string {
  const organisation = input.organisation === null ? 'organisations from its column' : `organisation ${text(input.organisation)}`;
  return `${text(input.file === '-' ? 'stdin' : input.file)} (${organisation}): ${count(input.rowsRead)} rows read, ${count(input.rowsValid)} valid, ${count(input.rowsInvalid)} invalid`;
}
