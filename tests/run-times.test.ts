// `run` reads times as the caseworker meant them: --at is "now", a time without date is the most
// recent one before it, and impossible, future, skipped or doubled times are refused in one sentence.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';

function answers(omh: Record<string, string>): string {
  const file = join(tempDir(), 'svar.yaml');
  const lines = Object.entries(omh).map(([k, v]) => `    ${k}: "${v}"`);
  writeFileSync(file, ['answers:', '  akut-fara: "no"', '  alder: 15', '  polis: { kontakt: Vakthavande befäl }', '  omh:', '    decided_by: Ordförande NN', '    ground: lvu-3', ...lines, ''].join('\n'));
  return file;
}
const run = (file: string, ...extra: string[]) => cli(['--routines', 'examples', 'run', 'exempel', '--answers', file, ...extra]);
const AT = '2026-12-01T05:21:00+01:00';

describe('run: times without a date', () => {
  it('are the most recent before --at: decided 23:50, carried out 00:05 gives the 7 § date from yesterday', () => {
    const r = run(answers({ decided_at: '23:50', carried_out_at: '00:05' }), '--at', AT, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.decisions[0]).toMatchObject({ decided_at: '2026-11-30T23:50:00+01:00', carried_out_at: '2026-12-01T00:05:00+01:00' });
    expect(j.checklist[0].deadline).toMatchObject({ nominal: '2026-12-07' });
  });

  it('show the resolved date in the text output', () => {
    const r = run(answers({ decided_at: '23:50', carried_out_at: '00:05' }), '--at', AT);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2026-11-30 23:50');
  });
});

describe('run: times refused', () => {
  it('a carried-out time before the decision time', () => {
    const r = run(answers({ decided_at: '23:50', carried_out_at: '23:40' }), '--at', AT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Verkställt \(mån 30 nov 2026 23:40\) kan inte vara före Beslutstid \(mån 30 nov 2026 23:50\)/);
  });

  it('a time in the future of --at', () => {
    const r = run(answers({ decided_at: '2026-12-03 03:15' }), '--at', AT);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ligger fram i tiden');
  });

  it('a date that is not in the calendar, not rolled over to March', () => {
    const r = run(answers({ decided_at: '2026-02-30 10:00' }), '--at', AT);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"2026-02-30 10:00" för "decided_at" finns inte i kalendern');
    const iso = run(answers({ decided_at: '2026-02-30T10:00:00+01:00' }), '--at', AT);
    expect(iso.code).toBe(1);
    expect(iso.stderr).toContain('finns inte i kalendern');
  });

  it('a time in the spring gap, with the reason', () => {
    const r = run(answers({ decided_at: '2026-03-29 02:30' }), '--at', '2026-03-29T09:00:00+02:00');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2026-03-29 02:30 för "decided_at" finns inte: klockan ställdes fram');
  });

  it('an autumn time that occurred twice, until an offset says which', () => {
    const at = '2026-10-25T09:00:00+01:00';
    const r = run(answers({ decided_at: '2026-10-25 02:30' }), '--at', at);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"2026-10-25 02:30 +02:00" (den första, sommartid)');
    const ok = run(answers({ decided_at: '2026-10-25 02:30 +01:00' }), '--at', at, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).decisions[0].decided_at).toBe('2026-10-25T02:30:00+01:00');
  });

  it('a carried-out time of that hour is settled by the decision when only one of the two can be meant, as in the walk', () => {
    const at = '2026-10-25T09:00:00+01:00';
    // Decided at the second 02:30: the first 02:45 would be before it, so only the second is possible.
    const ok = run(answers({ decided_at: '2026-10-25 02:30 vintertid', carried_out_at: '2026-10-25 02:45' }), '--at', at, '--json');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).decisions[0]).toMatchObject({ decided_at: '2026-10-25T02:30:00+01:00', carried_out_at: '2026-10-25T02:45:00+01:00' });
    // Decided at the first 02:30: both 02:45s come after it, so the file must still say which.
    const asked = run(answers({ decided_at: '2026-10-25 02:30 sommartid', carried_out_at: '2026-10-25 02:45' }), '--at', at);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('"2026-10-25 02:45 +02:00" (den första, sommartid)');
  });
});

describe('run --at', () => {
  it('without an offset names the expected form, exit 2', () => {
    const r = run('examples/exempel-svar.yaml', '--at', '2026-12-01T05:21');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--at ska vara en tidpunkt med datum och tidszon, t.ex. "2026-12-03T01:40:00+01:00"');
  });

  it('on a day the calendar does not have is refused, exit 2', () => {
    const r = run('examples/exempel-svar.yaml', '--at', '2026-02-30T10:00:00+01:00');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('finns inte i kalendern');
  });
});

describe('run: the answers file itself', () => {
  it('refuses an `at` that is not a real time, at its place, instead of using the clock', () => {
    const file = join(tempDir(), 'svar.yaml');
    writeFileSync(file, 'at: "2026-02-30T01:40:00+01:00"\nanswers:\n  akut-fara: "no"\n');
    const r = run(file);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/svar\.yaml:1:5: at ska vara en tidpunkt med datum och tidszon/);
  });

  it('refuses a personal identity number as case reference', () => {
    const file = join(tempDir(), 'svar.yaml');
    writeFileSync(file, 'case_ref: "121212-1212"\nanswers:\n  akut-fara: "no"\n');
    const r = run(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('personnummer');
  });
});
