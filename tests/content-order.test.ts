// Act first (issue 9): in the child routine the call to the on-call decision-maker comes before
// the interpreter and the child's own account, and online exploitation and a child already in
// care take their own way before those two. Checked on the walk order `run` prints.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ROOT } from './helpers/cli.js';

type Scenario = { name: string; at?: string; answers: Record<string, unknown> };
const scenarios = (parse(readFileSync(join(ROOT, 'routines/scenarios/barn-utnyttjande.yaml'), 'utf8')) as { scenarios: Scenario[] }).scenarios;

function path(s: Scenario): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'jr-order-'));
  try {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, stringify(s.answers));
    const out = execFileSync(process.execPath, [join(ROOT, 'bin', 'jour-routine'), 'run', 'barn-utnyttjande', '--answers', file, '--at', '2027-01-31T12:00:00+01:00'], {
      env: { ...process.env, JOUR_ROUTINE_DATA: join(dir, 'data'), NO_COLOR: '1' },
      encoding: 'utf8',
    });
    return [...out.matchAll(/^ {2}([a-z0-9.-]+): /gm)].map((m) => m[1] as string);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the child routine acts first', () => {
  it('V1: the decision-maker is called before the interpreter and the child is heard', { timeout: 60_000 }, () => {
    const p = path(scenarios.find((s) => s.name.startsWith('V1')) as Scenario);
    const call = p.indexOf('omh.beslutsfattare');
    expect(call).toBeGreaterThan(0);
    expect(call).toBeLessThan(p.indexOf('tolk.behov'));
    expect(call).toBeLessThan(p.indexOf('barnets-rost'));
    expect(p.indexOf('barnets-rost')).toBeLessThan(p.indexOf('polis.redan'));
  });
  it('online exploitation: the evidence step comes before the interpreter', { timeout: 60_000 }, () => {
    const s = scenarios.find((x) => x.answers.arende === 'natet');
    expect(s).toBeTruthy();
    const p = path(s as Scenario);
    expect(p.indexOf('natet-bevis')).toBeGreaterThan(0);
    expect(p.indexOf('natet-bevis')).toBeLessThan(p.indexOf('tolk.behov'));
  });
});
