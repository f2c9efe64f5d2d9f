import { describe, expect, it } from 'vitest';
import { readEthnicity } from '../../src/schema/codes/ethnicity.js';
import { readDisability } from '../../src/schema/codes/disability.js';
import { readSex } from '../../src/schema/codes/sex.js';

describe('readEthnicity', () => {
  it.each([
    ['A White - British', 'A'],
    ['C3 White - Any other white background', 'C'],
    ['CA English', 'C'],
    ['N Black or Black British - African', 'N'],
    ['R Chinese', 'R'],
    ['S', 'S'],
    ['LH Asian - Any other', 'L'],
    ['Z Not Stated', 'Not stated'],
    ['Z', 'Not stated'],
    ['Prefer not to say', 'Not stated'],
    ['99', 'Unknown'],
    ['99 Not Known', 'Unknown'],
    ['', 'Unknown'],
    ['White - British', 'A'],
    ['White British', 'A'],
    ['Black or Black British - Caribbean', 'M'],
    ['Indian', 'H'],
  ])('%j → %s', (raw, expected) => {
    expect(readEthnicity(raw)).toEqual({ value: expected, unrecognised: false });
  });

  it.each(['Any other ethnic group', 'Asian', 'Q Something', 'I Invalid', 'martian'])('%j is unrecognised, read as Unknown', (raw) => {
    expect(readEthnicity(raw)).toEqual({ value: 'Unknown', unrecognised: true });
  });
});

describe('readDisability', () => {
  it.each([
    ['Yes', 'Disabled'],
    ['Y', 'Disabled'],
    ['No', 'Non-disabled'],
    ['n', 'Non-disabled'],
    ['Not Declared', 'Not declared'],
    ['Prefer not to say', 'Not declared'],
    ['Unspecified', 'Unknown'],
    ['', 'Unknown'],
  ])('%j → %s', (raw, expected) => {
    expect(readDisability(raw)).toEqual({ value: expected, unrecognised: false });
  });
  it('reads an unknown value as Unknown and flags it', () => {
    expect(readDisability('Sometimes')).toEqual({ value: 'Unknown', unrecognised: true });
  });
});

describe('readSex', () => {
  it.each([
    ['Male', 'Male', false],
    ['M', 'Male', false],
    [' female ', 'Female', false],
    ['F', 'Female', false],
    ['', 'Not recorded', false],
    ['Unknown', 'Not recorded', true],
    ['X', 'Not recorded', true],
  ])('%j → %s', (raw, value, unrecognised) => {
    expect(readSex(raw)).toEqual({ value, unrecognised });
  });
});
