import type { Field } from './fields.js';

/**
 * Hourly pay of one assignment (METHOD §2.2–§2.5; rounding §2.6), by one of three methods:
 *
 * - hourly-rate: the hourly rate as given.
 * - period-pay (the statutory method): periodPay × 7 ÷ daysInPeriod ÷ contractedHours.
 *   Example: £2,600 in a monthly period (30.44 days) for 37.5 hours → 2600 × 7 / 30.44 / 37.5
 *   = £15.9439 an hour.
 * - annual-salary (Agenda for Change convention, basic pay): annualSalary ÷ (365/7) ÷
 *   fullTimeHours, where fullTimeHours = contractedHours ÷ fte when both are above 0, else 37.5.
 *   With salary basis "actual" the salary is pro-rata and the divisor is contractedHours.
 *
 * Returns a problem (with the field to blame) when the inputs cannot give an hourly rate,
 * such as period pay with 0 contracted hours. Rounding to 4 places happens per unit, later.
 */
export const PAY_METHODS = ['hourly-rate', 'period-pay', 'annual-salary'] as const;
export type PayMethod = (typeof PAY_METHODS)[number];
export const SALARY_BASES = ['fte', 'actual'] as const;
export type SalaryBasis = (typeof SALARY_BASES)[number];

export const PAY_PERIOD_DAYS = {
  monthly: 30.44,
  weekly: 7,
  fortnightly: 14,
  'four-weekly': 28,
} as const;
export type PayPeriod = keyof typeof PAY_PERIOD_DAYS;

export const FULL_TIME_HOURS = 37.5;
const WEEKS_PER_YEAR = 365 / 7;

export interface PayInputs {
  readonly hourlyRate?: number | undefined;
  readonly periodPay?: number | undefined;
  readonly annualSalary?: number | undefined;
  readonly contractedHours?: number | undefined;
  readonly fte?: number | undefined;
}

export interface PayConfig {
  readonly method: PayMethod;
  readonly daysInPeriod: number;
  readonly salaryBasis: SalaryBasis;
}

export type DerivedPay = { readonly ok: true; readonly hourlyPay: number } | { readonly ok: false; readonly field: Field; readonly message: string };

const problem = (field: Field, message: string): DerivedPay => ({ ok: false, field, message });

export function assignmentHourlyPay(row: PayInputs, config: PayConfig): DerivedPay {
  switch (config.method) {
    case 'hourly-rate':
      if (row.hourlyRate === undefined) return problem('hourlyRate', 'a value is required for the hourly-rate pay method');
      return { ok: true, hourlyPay: row.hourlyRate };
    case 'period-pay': {
      if (row.periodPay === undefined) return problem('periodPay', 'a value is required for the period-pay pay method');
      const hours = row.contractedHours;
      if (hours === undefined || hours <= 0) {
        return problem('contractedHours', 'contracted hours must be more than 0 to turn period pay into hourly pay');
      }
      return { ok: true, hourlyPay: (row.periodPay * 7) / config.daysInPeriod / hours };
    }
    case 'annual-salary': {
      if (row.annualSalary === undefined) return problem('annualSalary', 'a value is required for the annual-salary pay method');
      const hours = row.contractedHours;
      if (config.salaryBasis === 'actual') {
        if (hours === undefined || hours <= 0) {
          return problem('contractedHours', 'contracted hours must be more than 0 with --salary-basis actual');
        }
        return { ok: true, hourlyPay: row.annualSalary / WEEKS_PER_YEAR / hours };
      }
      let fullTime = FULL_TIME_HOURS;
      if (hours !== undefined && hours > 0 && row.fte !== undefined && row.fte > 0) {
        fullTime = hours / row.fte;
        if (fullTime > 168) {
          return problem('fte', `contracted hours ÷ FTE gives a ${Math.round(fullTime)}-hour full-time week, which is not possible`);
        }
      }
      return { ok: true, hourlyPay: row.annualSalary / WEEKS_PER_YEAR / fullTime };
    }
  }
}

/** Rates are compared at 4 decimal places so that people on one pay point tie exactly. */
export function roundRate(rate: number): number {
  return Math.round(rate * 10_000) / 10_000;
}
