import { z } from 'zod';
import { count, figureState, number } from './schema-parts.js';

/** --explain (METHOD §17): a status with its words, for the decomposition's figures. */
const reasonWithText = z.intersection(figureState, z.object({ text: z.string() }));
const amount = z.strictObject({ pounds: number.describe('£ per hour'), points: number.describe('points of the mean gap %: pounds ÷ the reference group\'s mean hourly pay × 100') });
const parts = z.strictObject({
  composition: amount.describe('where the groups are: their different shares of the cells'),
  withinCell: amount.describe('pay differences between the two groups in the same cell'),
  referenceOnlyCells: amount.describe('cells with people of the reference group only'),
  groupOnlyCells: amount.describe('cells with people of the group only'),
});
const support = z.enum(['both', 'reference only', 'group only', 'neither']);
export const decomposition = z
  .strictObject({
    method: z.literal('nopo-2008'),
    columns: z.array(z.string()).describe('the --explain columns whose cross-classification makes the cells'),
    breakdown: z.string().describe('the breakdown (its `within`) that publishes the cells\' figures'),
    referenceGroup: z.string(),
    median: reasonWithText.describe('medians are not decomposable: always not-applicable'),
    groups: z.array(
      z.strictObject({
        group: z.string(),
        meanGap: amount.nullable().describe('the mean gap as the view publishes it: meanPayDifference and meanGapPercent'),
        parts: parts.nullable().describe('add up to meanGap; null when the decomposition is withheld or cannot be formed (see status)'),
        status: reasonWithText.nullable(),
        withheldCells: z
          .strictObject({ cells: z.array(z.string()), referenceHeadcount: count, groupHeadcount: count, support, contribution: parts })
          .nullable()
          .describe('the cells whose figures are withheld, taken together as one cell'),
        cells: z.array(
          z.strictObject({
            cell: z.string(),
            referenceHeadcount: count,
            groupHeadcount: count,
            support,
            contribution: parts.nullable().describe('null when the cell\'s figures are withheld (it is in withheldCells)'),
            status: reasonWithText.nullable(),
          }),
        ),
      }),
    ),
  })
  .nullable()
  .describe('--explain: each mean gap split into parts (METHOD §17); null when not asked for');
