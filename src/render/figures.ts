import type { Measure } from '../report/measures.js';
import { count, money, percent } from './format.js';

/** A measure's value as people read it: counts with separators, money in pounds and pence, percentages to 1 dp. */
export function formatValue(m: Measure, value: number): string {
  switch (m.unit) {
    case 'people':
      return count(value);
    case 'GBP':
    case 'GBP per hour':
      return money(value);
    case 'percent':
      return percent(value);
  }
}
