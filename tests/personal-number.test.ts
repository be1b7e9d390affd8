import { describe, expect, it } from 'vitest';
import { containsPersonalNumber, luhnCheckDigit } from '../src/engine/personal-number.js';

describe('personal identity and coordination numbers in a case reference', () => {
  // Skatteverket's test numbers; the check digit is the last one.
  it.each(['19121212-1212', '191212121212', '121212-1212', '1212121212', '121212+1212', 'Ärende 19121212-1212', '20000101-0008'])(
    'refuses %s (valid check digit)',
    (text) => expect(containsPersonalNumber(text)).toBe(true),
  );

  it('refuses a coordination number (day + 60) with a valid check digit', () => {
    expect(containsPersonalNumber('701063-2391')).toBe(true);
    expect(containsPersonalNumber('19701063-2391')).toBe(true);
  });

  it.each(['19121212-1213', '121212-1211', '701063-2392', '20000101-0009'])('lets %s through (wrong check digit)', (text) => {
    expect(containsPersonalNumber(text)).toBe(false);
  });

  it.each(['2026-1234', 'SN 2026/0815', 'JOUR-2026-12-03-7', '12345', '2026-12-03', '991399-1234'])('lets a journal number such as %s through', (text) => {
    expect(containsPersonalNumber(text)).toBe(false);
  });

  it('computes the check digit by the Luhn rule', () => {
    expect(luhnCheckDigit('121212121')).toBe(2);
    expect(luhnCheckDigit('701063239')).toBe(1);
  });
});
