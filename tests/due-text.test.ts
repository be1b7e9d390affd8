// "1 vecka", not "1 veckor": the period of a deadline as `show` and `diff` print it.
import { describe, expect, it } from 'vitest';
import { dueText } from '../src/render/outline.js';
import { cli } from './helpers/cli.js';

describe('a deadline period in words', () => {
  it('is singular for one and plural otherwise, in Swedish and English', () => {
    expect(dueText({ weeks: 1 }, 'sv')).toBe('1 vecka från');
    expect(dueText({ weeks: 4 }, 'sv')).toBe('4 veckor från');
    expect(dueText({ days: 1 }, 'sv')).toBe('1 dag från');
    expect(dueText({ months: 1 }, 'sv')).toBe('1 månad från');
    expect(dueText({ weeks: 1 }, 'en')).toBe('1 week from');
    expect(dueText({ days: 14 }, 'en')).toBe('14 days from');
    expect(dueText({ months: 1 }, 'en')).toBe('1 month from');
  });

  it('show prints "1 vecka" for the example routine', () => {
    const r = cli(['--routines', 'examples', 'show', 'exempel']);
    expect(r.stdout).toContain('frist 1 vecka från omh.decided_at');
    expect(r.stdout).not.toMatch(/\b1 veckor\b/);
  });
});
