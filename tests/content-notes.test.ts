// The child routine's case note reads as sentences (issue 10): a scenario's answers are stored
// with `run --save` and exported; the summary carries age, location and police, and the nodes
// given a sentence never fall back to "question? answer".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ROOT } from './helpers/cli.js';

const BIN = join(ROOT, 'bin', 'jour-routine');

describe('case note sentences (barn-utnyttjande)', () => {
  it('V1: summary lines and sentences instead of questions', { timeout: 60_000 }, () => {
    const doc = parse(readFileSync(join(ROOT, 'routines/scenarios/barn-utnyttjande.yaml'), 'utf8')) as { scenarios: { name: string; answers: unknown }[] };
    const v1 = doc.scenarios.find((s) => s.name.startsWith('V1'));
    const dir = mkdtempSync(join(tmpdir(), 'jr-notes-'));
    try {
      const answers = join(dir, 'a.yaml');
      writeFileSync(answers, stringify(v1?.answers));
      const env = { ...process.env, JOUR_ROUTINE_DATA: join(dir, 'data'), NO_COLOR: '1' };
      const out = execFileSync(process.execPath, [BIN, 'run', 'barn-utnyttjande', '--answers', answers, '--at', '2026-12-03T09:00:00+01:00', '--save'], { env, encoding: 'utf8' });
      const id = /export ([a-z0-9]+)/.exec(out)?.[1];
      expect(id).toBeTruthy();
      const note = execFileSync(process.execPath, [BIN, 'export', id as string, '--format', 'text'], { env, encoding: 'utf8' });
      expect(note).toMatch(/- Ålder: Barnet är 15 år/);
      expect(note).toMatch(/- Var personen är nu: Barnet bor i natt: Jourhem\./);
      expect(note).toMatch(/- Polis: Polisen kontaktades 02:10 \(Vakthavande befäl\)/);
      // The record of entry at the end names the questions; the summary and course of events must not.
      const body = note.split(/\n(?:BESLUT|CHECKLISTA)\n/)[0] ?? '';
      // Questions of the routine and the custody, police and interpreter modules: none as "question? answer".
      for (const q of ['Är barnet eller någon annan i akut fara', 'Hur gammal är barnet', 'Vad gäller ärendet?', 'Finns risk att barnet försvinner',
        'Är det sannolikt att barnet behöver vård', 'Behöver personen tolk', 'Är polisen redan inkopplad', 'Var bor barnet i natt?'])
        expect(body).not.toContain(q);
      expect(note).toContain('Beslutet verkställdes 2026-12-03 03:50.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
