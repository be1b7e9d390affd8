import { describe, expect, it } from 'vitest';
import type { CNode } from '../src/core/model.js';
import { checkOrder } from '../src/core/time-order.js';
import { checkInput } from '../src/engine/values.js';
import { describeInstant, isStrictInstant, resolveTime, twiceCandidates, twiceOf, type TimeResult } from '../src/engine/times.js';

const ok = (r: TimeResult) => (r.ok ? r.instant : `refused:${r.problem.kind}`);

describe('a time typed without a date', () => {
  // 05:21 on Tuesday 1 December 2026, Stockholm winter time.
  const now = '2026-12-01T05:21:00+01:00';

  it('is the most recent such time: typed at 05:21, "23:45" is yesterday evening', () => {
    expect(ok(resolveTime('23:45', { now }))).toBe('2026-11-30T23:45:00+01:00');
  });

  it('is today when that time has passed today', () => {
    expect(ok(resolveTime('00:05', { now }))).toBe('2026-12-01T00:05:00+01:00');
    expect(ok(resolveTime('05.10', { now }))).toBe('2026-12-01T05:10:00+01:00');
  });

  it('is today when it is only a clock-minute or two ahead', () => {
    expect(ok(resolveTime('05:24', { now }))).toBe('2026-12-01T05:24:00+01:00');
  });

  it('is the next such time for a planned field', () => {
    expect(ok(resolveTime('09:00', { now, planned: true }))).toBe('2026-12-01T09:00:00+01:00');
    expect(ok(resolveTime('04:00', { now, planned: true }))).toBe('2026-12-02T04:00:00+01:00');
  });

  it('is the most recent such date when the year is left out', () => {
    expect(ok(resolveTime('30/11 23:50', { now }))).toBe('2026-11-30T23:50:00+01:00');
    expect(ok(resolveTime('31/12 23:50', { now }))).toBe('2025-12-31T23:50:00+01:00');
  });
});

describe('a time in the future', () => {
  const now = '2026-12-01T05:21:00+01:00';

  it('is refused when more than a few minutes ahead', () => {
    expect(ok(resolveTime('2026-12-01 06:00', { now }))).toBe('refused:future');
    expect(ok(resolveTime('2026-12-03T03:15:00+01:00', { now }))).toBe('refused:future');
  });

  it('is accepted within the slack, and for a planned field', () => {
    expect(ok(resolveTime('2026-12-01 05:25', { now }))).toBe('2026-12-01T05:25:00+01:00');
    expect(ok(resolveTime('2026-12-03 09:00', { now, planned: true }))).toBe('2026-12-03T09:00:00+01:00');
  });

  it('is accepted when the caller does not refuse it (an answers file with no clock)', () => {
    expect(ok(resolveTime('2026-12-03 09:00', { now, refuseFuture: false }))).toBe('2026-12-03T09:00:00+01:00');
  });
});

describe('dates that do not exist', () => {
  const now = '2026-12-01T05:21:00+01:00';
  it.each(['2026-02-30 10:00', '30/2 10:00', '2026-02-30T10:00:00+01:00', '2026-04-31 10:00', '24:10', '2026-12-01 10:60'])('refuses %s', (text) => {
    expect(ok(resolveTime(text, { now }))).toMatch(/^refused:(no-such-date|unparseable)$/);
  });
  it('says no-such-date for 30 February, not "unreadable"', () => {
    expect(ok(resolveTime('2026-02-30 10:00', { now }))).toBe('refused:no-such-date');
    expect(isStrictInstant('2026-02-30T10:00:00+01:00')).toBe(false);
    expect(isStrictInstant('2026-02-28T10:00:00+01:00')).toBe(true);
  });
});

describe('daylight saving time in Stockholm', () => {
  it('refuses a time in the spring gap (02:30 on the last Sunday of March)', () => {
    const now = '2026-03-29T09:00:00+02:00';
    expect(resolveTime('2026-03-29 02:30', { now })).toEqual({ ok: false, problem: { kind: 'dst-gap', local: '2026-03-29 02:30' } });
    expect(ok(resolveTime('02:30', { now }))).toBe('refused:dst-gap');
    expect(ok(resolveTime('2026-03-29 03:00', { now }))).toBe('2026-03-29T03:00:00+02:00');
  });

  it('refuses an autumn time that occurred twice, naming both', () => {
    const now = '2026-10-25T09:00:00+01:00';
    expect(resolveTime('2026-10-25 02:30', { now })).toEqual({
      ok: false,
      problem: { kind: 'dst-ambiguous', local: '2026-10-25 02:30', earlier: '2026-10-25T02:30:00+02:00', later: '2026-10-25T02:30:00+01:00' },
    });
  });

  it('accepts the autumn time with an offset or the season named', () => {
    const now = '2026-10-25T09:00:00+01:00';
    expect(ok(resolveTime('2026-10-25 02:30 +02:00', { now }))).toBe('2026-10-25T02:30:00+02:00');
    expect(ok(resolveTime('02:30 vintertid', { now }))).toBe('2026-10-25T02:30:00+01:00');
    expect(ok(resolveTime('2026-10-25T02:30:00+01:00', { now }))).toBe('2026-10-25T02:30:00+01:00');
  });

  it('gives the two instants of an autumn time as candidates to choose between, in the order they happened', () => {
    const r = resolveTime('2026-10-25 02:30', { now: '2026-10-25T09:00:00+01:00' });
    if (r.ok || r.problem.kind !== 'dst-ambiguous') throw new Error(`not ambiguous: ${JSON.stringify(r)}`);
    expect(twiceCandidates(r.problem)).toEqual([
      { instant: '2026-10-25T02:30:00+02:00', offset: '+02:00', which: 'first', clock: '02:30' },
      { instant: '2026-10-25T02:30:00+01:00', offset: '+01:00', which: 'second', clock: '02:30' },
    ]);
    // An hour apart, though the clock showed the same time.
    expect(Date.parse('2026-10-25T02:30:00+01:00') - Date.parse('2026-10-25T02:30:00+02:00')).toBe(3_600_000);
  });

  it('is ambiguous through the whole repeated hour and nowhere else that night', () => {
    const now = '2026-10-25T09:00:00+01:00';
    for (const clock of ['02:00', '02:59']) expect(ok(resolveTime(`2026-10-25 ${clock}`, { now }))).toBe('refused:dst-ambiguous');
    expect(ok(resolveTime('2026-10-25 01:59', { now }))).toBe('2026-10-25T01:59:00+02:00');
    expect(ok(resolveTime('2026-10-25 03:00', { now }))).toBe('2026-10-25T03:00:00+01:00');
    expect(ok(resolveTime('2026-10-26 02:30', { now: '2026-10-26T09:00:00+01:00' }))).toBe('2026-10-26T02:30:00+01:00');
  });

  it('is not in doubt when one of the two is before the time it may not precede', () => {
    const now = '2026-10-25T09:00:00+01:00';
    // Decided at 02:50 summer time: carried out "02:30" can only be the second 02:30.
    expect(ok(resolveTime('2026-10-25 02:30', { now, notBefore: '2026-10-25T02:50:00+02:00' }))).toBe('2026-10-25T02:30:00+01:00');
    // Decided at 02:10 summer time: both 02:30s are after it, so the question stands.
    expect(ok(resolveTime('2026-10-25 02:30', { now, notBefore: '2026-10-25T02:10:00+02:00' }))).toBe('refused:dst-ambiguous');
    // Both before it: the later one, for the caller to refuse naming the two times.
    expect(ok(resolveTime('2026-10-25 02:30', { now, notBefore: '2026-10-25T02:50:00+01:00' }))).toBe('2026-10-25T02:30:00+01:00');
  });

  it('knows which of the two an instant of the repeated hour is, whatever offset it is written with', () => {
    expect(twiceOf('2026-10-25T02:30:00+02:00')).toMatchObject({ which: 'first', offset: '+02:00', clock: '02:30' });
    expect(twiceOf('2026-10-25T01:30:00Z')).toMatchObject({ which: 'second', offset: '+01:00', clock: '02:30' });
    expect(twiceOf('2026-10-25T00:40:12.345Z')).toMatchObject({ which: 'first', clock: '02:40' }); // "nu" carries seconds
    expect(twiceOf('2026-10-25T03:30:00+01:00')).toBeUndefined();
    expect(twiceOf('2026-03-29T03:30:00+02:00')).toBeUndefined();
  });

  it('is not in doubt when the second 02:30 has not happened yet', () => {
    // 02:40 summer time: the winter-time 02:30 is still 50 minutes away.
    const now = '2026-10-25T02:40:00+02:00';
    expect(ok(resolveTime('02:30', { now }))).toBe('2026-10-25T02:30:00+02:00');
  });
});

describe('describeInstant', () => {
  it('gives weekday, day, month and time', () => {
    expect(describeInstant('2026-11-30T23:45:00+01:00', 'sv', '2026-12-01T05:21:00+01:00')).toBe('mån 30 nov 23:45');
    expect(describeInstant('2026-11-30T22:45:00Z', 'en', '2026-12-01T05:21:00+01:00')).toBe('Mon 30 Nov 23:45');
  });
  it('adds the year when it is not this year', () => {
    expect(describeInstant('2025-12-31T23:50:00+01:00', 'sv', '2026-01-01T01:00:00+01:00')).toBe('ons 31 dec 2025 23:50');
  });
});


describe('times in order (carried out before decided, not_before)', () => {
  const common = { scope: '', pos: { file: 'x.yaml', line: 1, col: 1 }, refs: [], checklist: [], routes: [] };
  const decision = { ...common, id: 'beslut', kind: 'decision', decision: { sv: 'Beslut', en: 'Decision' }, carried_out: true } as unknown as CNode;
  const decided = (decided_at: string, carried_out_at: string | null) =>
    ({ t: 'decided', at: '2026-12-01T05:21:00+01:00', node: 'beslut', decided_by: 'NN', ground: null, decided_at, carried_out_at, fields: {} }) as const;

  it('refuses a carried-out time before the decision time', () => {
    const e = checkInput(decision, decided('2026-11-30T23:50:00+01:00', '2026-11-30T23:40:00+01:00'));
    expect(e).toMatchObject({ kind: 'time-before', field: 'carried_out_at', other: 'decided_at' });
  });

  it('accepts carried out after (or at) the decision, and a decision not yet carried out', () => {
    expect(checkInput(decision, decided('2026-11-30T23:50:00+01:00', '2026-12-01T00:05:00+01:00'))).toBeUndefined();
    expect(checkInput(decision, decided('2026-11-30T23:50:00+01:00', '2026-11-30T23:50:00+01:00'))).toBeUndefined();
    expect(checkInput(decision, decided('2026-11-30T23:50:00+01:00', null))).toBeUndefined();
  });

  it('compares instants, not clock text: 02:30 winter time is after 02:50 summer time', () => {
    expect(checkInput(decision, decided('2026-10-25T02:50:00+02:00', '2026-10-25T02:30:00+01:00'))).toBeUndefined();
  });

  const step = {
    ...common, id: 'steg', scope: 'omh.', kind: 'step', step: { sv: 'Steg', en: 'Step' },
    record: [
      { id: 'larm', label: { sv: 'Larmet', en: 'Alarm' }, type: 'datetime' },
      { id: 'framme', label: { sv: 'Framme', en: 'Arrived' }, type: 'datetime', not_before: 'larm' },
      { id: 'ringt', label: { sv: 'Ringt', en: 'Called' }, type: 'datetime', not_before: 'beslut.decided_at' },
    ],
  } as unknown as CNode;
  const recorded = (fields: Record<string, string | null>) => ({ t: 'recorded', at: '2026-12-01T05:21:00+01:00', node: 'steg', fields }) as const;

  it('applies a declared not_before to a field of the same node', () => {
    expect(checkOrder(step, recorded({ larm: '2026-12-01T01:00:00+01:00', framme: '2026-12-01T00:30:00+01:00', ringt: null }))).toMatchObject({ field: 'framme', other: 'larm' });
    expect(checkOrder(step, recorded({ larm: '2026-12-01T01:00:00+01:00', framme: '2026-12-01T01:30:00+01:00', ringt: null }))).toBeUndefined();
  });

  it('applies a not_before naming another node, qualified with the module scope, via the path', () => {
    const lookup = (ref: string) => (ref === 'omh.beslut.decided_at' ? '2026-12-01T02:00:00+01:00' : undefined);
    expect(checkOrder(step, recorded({ larm: null, framme: null, ringt: '2026-12-01T01:00:00+01:00' }), lookup)).toMatchObject({ field: 'ringt', other: 'beslut.decided_at' });
    expect(checkOrder(step, recorded({ larm: null, framme: null, ringt: '2026-12-01T03:00:00+01:00' }), lookup)).toBeUndefined();
  });
});
