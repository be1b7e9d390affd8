// Issue 12, "hostile text" and the routine-folder points: control characters never reach the
// terminal raw, includes stay in the routine folder, prototype names are plain data, answers that
// cannot apply are reported, and odd routine folders are named. Real files and the real CLI.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeContext } from '../src/core/context.js';
import { deriveChecklist } from '../src/engine/checklist.js';
import { replay } from '../src/engine/walk.js';
import { graphModel } from '../src/render/graph.js';
import { renderDot } from '../src/render/graph-dot.js';
import { renderMermaid } from '../src/render/graph-mermaid.js';
import { renderChecklistMarkdown } from '../src/render/checklist-md.js';
import { renderChecklistText } from '../src/render/checklist-text.js';
import { renderHandover } from '../src/render/handover.js';
import { sessionJson } from '../src/render/json.js';
import { renderNote } from '../src/render/note.js';
import { renderOutline } from '../src/render/outline.js';
import { loadReferenceFiles, BUNDLED_DIR } from '../src/routine/registry.js';
import type { SessionEvent } from '../src/core/events.js';
import { t } from '../src/core/i18n.js';
import { cli, ROOT, tempDir } from './helpers/cli.js';
import { walkEvents } from './helpers/session-fixture.js';
import { loadFromTexts } from './helpers/load-routine.js';

// What may reach a terminal: our own colour codes, newline and tab; nothing else below U+0020,
// no DEL/C1, no bidi controls, no zero-width or separator characters.
const OWN_SGR = /\x1b\[(?:1|2|7|22|27|31|32|33|34|36|39)m/g;
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/;
const assertTerminalSafe = (s: string) => expect(s.replace(OWN_SGR, '')).not.toMatch(RAW);

let tmp: string;
beforeEach(() => {
  tmp = tempDir('jr-text-');
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const EXEMPEL = fs.readFileSync(path.join(ROOT, 'examples', 'exempel.yaml'), 'utf8');
const write = (rel: string, text: string) => {
  const f = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
  return f;
};
const run = (args: string[]) => cli(['--routines', path.join(tmp, 'r'), ...args]);

describe('control characters from a routine file', () => {
  const EVIL = '\\e]0;KAPAD\\a\\e[2J\\e[8mdolt\\e[0m\\u202egnidaer\\u200b\\0\\r> falsk prompt';
  beforeEach(() => {
    write('r/exempel.yaml', EXEMPEL
      .replace('title: { sv: Exempelrutin (övning)', `title: { sv: "Exempelrutin ${EVIL}"`)
      .replace('help: { sv: Ring 112 innan du går vidare.', `help: { sv: "Ring 112 ${EVIL}"`)
      .replace('text: { sv: Ring 112, en: Call 112 }', `text: { sv: "Ring 112 ${EVIL}", en: Call 112 }`));
  });

  it('never reach the terminal raw in list, show or validate, and are warned about with their position', () => {
    for (const args of [['list'], ['show', 'exempel'], ['validate', path.join(tmp, 'r', 'exempel.yaml')]]) {
      const r = run(args);
      assertTerminalSafe(r.stdout);
      assertTerminalSafe(r.stderr);
      if (args[0] === 'show') {
        expect(r.stdout).toContain('\\u001b]0;KAPAD\\u0007');
        expect(r.stdout).toContain('\\u202e');
      }
      if (args[0] === 'validate') expect(r.stderr).toMatch(/exempel\.yaml:5:\d+: varning control-character: .*\\u001b/);
    }
  }, 120_000);

  it('in an id (a node key or a next) is an error with the file position', () => {
    write('r/exempel.yaml', EXEMPEL.replace('start: akut-fara', 'start: "akut\\e[2J-fara"'));
    const r = run(['validate', path.join(tmp, 'r', 'exempel.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/exempel\.yaml:14:8: fel control-character/);
    assertTerminalSafe(r.stderr);
  });

  it('from a contacts file and an answers file are shown escaped', () => {
    const contacts = write('kontakter.yaml', fs.readFileSync(path.join(ROOT, 'examples', 'contacts.yaml'), 'utf8')
      .replace('phone: "08-123 45 67 (EXEMPEL)"', 'phone: "08-123 45 67 \\e]0;KAPAD\\a"'));
    const answers = write('svar.yaml', fs.readFileSync(path.join(ROOT, 'examples', 'exempel-svar.yaml'), 'utf8')
      .replace('kontakt: Vakthavande befäl', 'kontakt: "Vakthavande\\e[2J\\u202e befäl"'));
    const r = cli(['--routines', 'examples', '--contacts', contacts, 'run', 'exempel', '--answers', answers]);
    expect(r.code).toBe(0);
    assertTerminalSafe(r.stdout);
    expect(r.stdout).toContain('Vakthavande\\u001b[2J\\u202e befäl');
    const list = cli(['--routines', 'examples', '--contacts', contacts, 'show', 'exempel']);
    assertTerminalSafe(list.stdout);
  });

  it('in an error about a user-given value (a session id) is escaped', () => {
    const r = cli(['--data-dir', tmp, 'export', 'x\x1b]0;KAPAD\x07']);
    expect(r.code).not.toBe(0);
    assertTerminalSafe(r.stderr);
    expect(r.stderr).toContain('\\u001b]0;KAPAD\\u0007');
  });
});

describe('paths a routine names', () => {
  it('an include that leaves the routine folder is an error at the include line; the target is never echoed', () => {
    const secret = write('hemlig.yaml', 'id: hemligt-innehall\nnodes: {}\n');
    write('r/exempel.yaml', EXEMPEL.replace(
      '  polis:\n    step: { sv: Kontakta polisen, en: Contact the police }',
      `  polis:\n    include: ../hemlig.yaml\n    next: omh\n  polis2:\n    step: { sv: Kontakta polisen, en: Contact the police }`,
    ));
    for (const target of ['../hemlig.yaml', secret, '../../../../../../etc/passwd']) {
      write('r/exempel.yaml', EXEMPEL.replace('  polis:\n    step: { sv: Kontakta polisen, en: Contact the police }', `  polis:\n    include: ${target}\n    next: omh\n  polis2:\n    step: { sv: Kontakta polisen, en: Contact the police }`));
      const r = run(['validate', path.join(tmp, 'r', 'exempel.yaml')]);
      expect(r.code, target).toBe(1);
      expect(r.stderr, target).toMatch(/r\/exempel\.yaml:34:14: fel include-outside/);
      expect(r.stderr, target).not.toContain('hemligt-innehall');
      expect(r.stderr, target).not.toMatch(/passwd:1:1|root/);
    }
  });

  it('deeply nested block sequences report too-deep, not a stack overflow', () => {
    const f = write('r/djup.yaml', `id: djup\nnodes:\n  x:\n    ${'- '.repeat(5000)}y\n`);
    const g = write('r/djup2.yaml', `id: djup2\nnodes:\n${Array.from({ length: 1500 }, (_v, i) => `${' '.repeat(i + 2)}- \n`).join('')}`);
    for (const file of [f, g]) {
      const r = run(['validate', file]);
      expect(r.stderr).toMatch(/fel too-deep/);
      expect(r.stderr).not.toMatch(/call stack/i);
    }
  });

  it('a huge routine (60,000 nodes) is refused at its nodes line and other routines still load', () => {
    const nodes = Array.from({ length: 60_000 }, (_v, i) => `  ${i.toString(36)}a: {end: {sv: E, en: E}}\n`).join('');
    write('r/jatte.yaml', `id: jatte\nversion: 1\nstart: 0a\nnodes:\n${nodes}`);
    write('r/exempel.yaml', EXEMPEL);
    const v = run(['validate', path.join(tmp, 'r', 'jatte.yaml')]);
    expect(v.stderr).toMatch(/jatte\.yaml:4:1: fel too-many-nodes: .*10000/);
    const show = run(['show', 'exempel']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Exempelrutin');
  }, 120_000);

  it('a --routines folder that does not exist fails list (exit 1); a folder in place of a routine file is named', () => {
    const missing = cli(['--routines', path.join(tmp, 'finns-inte'), 'list']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    write('r/exempel.yaml', EXEMPEL);
    fs.mkdirSync(path.join(tmp, 'r', 'mapp.yaml'));
    const r = run(['list']);
    expect(r.stderr).toMatch(/mapp\.yaml:1:1: fel not-a-file/);
    expect(run(['validate']).stderr).toMatch(/mapp\.yaml:1:1: fel not-a-file/);
  });

  it('a review date far in the future is a warning', () => {
    write('r/exempel.yaml', EXEMPEL.replace('review_by: 2027-06-30', 'review_by: 2099-06-30'));
    const r = run(['validate', path.join(tmp, 'r', 'exempel.yaml')]);
    expect(r.stderr).toMatch(/exempel\.yaml:10:12: varning review-far-future/);
  });
});

describe('prototype names', () => {
  it('a node named constructor or prototype is reserved; a module parameter named constructor is reported missing', () => {
    write('r/exempel.yaml', EXEMPEL.replace('  alder:\n', '  constructor:\n    end: { sv: X, en: X }\n  alder:\n'));
    expect(run(['validate', path.join(tmp, 'r', 'exempel.yaml')]).stderr).toMatch(/fel reserved-id: .*constructor/);
    write('r/modules/m.yaml', [
      'module: m', 'version: 1', 'title: { sv: M, en: M }', 'description: { sv: M, en: M }', 'reviewed: 2026-11-20',
      'review_by: 2027-06-30', 'approved_by: X', 'changelog:', '  - { version: 1, date: 2026-11-20, text: { sv: F, en: F } }',
      'params: [constructor]', 'start: a', 'nodes:', '  a:', '    step: { sv: A, en: A }', '    next: return', '',
    ].join('\n'));
    write('r/exempel.yaml', EXEMPEL.replace('  polis:\n    step: { sv: Kontakta polisen, en: Contact the police }', '  polis:\n    include: modules/m.yaml\n    next: omh\n  polis2:\n    step: { sv: Kontakta polisen, en: Contact the police }'));
    expect(run(['validate', path.join(tmp, 'r', 'exempel.yaml')]).stderr).toMatch(/fel missing-param: .*constructor/);
  });

  it('__proto__ and constructor in an answers file are unknown ids, and nothing reaches a prototype', () => {
    const f = write('svar.yaml', `${fs.readFileSync(path.join(ROOT, 'examples', 'exempel-svar.yaml'), 'utf8')}  __proto__: { polluted: yes }\n  constructor: x\n`);
    const r = cli(['--routines', 'examples', 'run', 'exempel', '--answers', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/:13:3: fel answer-unknown-id: .*__proto__/);
    expect(r.stderr).toMatch(/:14:3: fel answer-unknown-id: .*constructor/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('answers that cannot apply', () => {
  const svar = () => fs.readFileSync(path.join(ROOT, 'examples', 'exempel-svar.yaml'), 'utf8');
  it('an answer on a branch not taken, and one to an end, are warned at their line', () => {
    const f = write('svar.yaml', svar().replace('  alder: 15', '  alder: 30\n  slut-vuxen: klar'));
    const r = cli(['--routines', 'examples', 'run', 'exempel', '--answers', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/:7:3: varning answer-to-end: /);
    expect(r.stderr).toMatch(/:8:3: varning answer-not-taken: .*polis/);
    expect(r.stderr).toMatch(/:9:3: varning answer-not-taken: .*omh/);
  });

  it('an answers file for another routine is an error naming both', () => {
    const f = write('svar.yaml', svar().replace('answers:', 'routine: barn-utnyttjande\nanswers:'));
    const r = cli(['--routines', 'examples', 'run', 'exempel', '--answers', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/:4:10: fel answers-other-routine: .*barn-utnyttjande.*exempel/);
  });
});

describe('property: arbitrary Unicode through every renderer never reaches the terminal raw', () => {
  const refs = new Map([...loadReferenceFiles([BUNDLED_DIR]).references].map(([id, { file: _f, ...ref }]) => [id, ref]));
  const base = parseYaml(EXEMPEL) as Record<string, any>;
  // Full Unicode, with control, bidi and zero-width characters made frequent.
  const nasty = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: fc.constantFrom('\x1b', '\x07', '\x00', '\r', '\x9b', '\u202e', '\u2066', '\u200b', '\ufeff', '\u2028', '[', ']', '0', ';', 'a', ' ', '\n'), maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
  ).filter((s) => s.trim() !== '');

  it('routine texts, notes, fields and a decision ground, rendered as text, Markdown, JSON and graphs', () => {
    fc.assert(
      fc.property(nasty, nasty, nasty, nasty, (title, help, note, field) => {
        const doc = structuredClone(base);
        doc.title.sv = title;
        doc.nodes['akut-fara'].help.sv = help;
        doc.nodes['slut-barn'].end.sv = note;
        doc.checklist['ring-112'].text.sv = field;
        const file = '/virtual/exempel.yaml';
        const loaded = loadFromTexts(file, { [file]: JSON.stringify(doc) }, { references: refs, today: '2026-12-01' });
        const r = loaded.routine;
        if (!r) return; // a title that is only whitespace after escaping, say: refused, nothing shown
        const events: SessionEvent[] = [
          ...walkEvents(r, { 'akut-fara': 'yes', alder: 15, polis: { kontakt: field }, omh: { decided_by: note, ground: 'lvu-3', decided_at: '2026-12-03 03:15', carried_out_at: '2026-12-03 03:50' } }, { at: '2026-12-03T01:40:00+01:00', case_ref: title, worker: help }),
          { t: 'noted', at: '2026-12-03T04:00:00+01:00', node: null, text: note },
          { t: 'ticked', at: '2026-12-03T04:01:00+01:00', item: 'ring-112', status: 'na', by: help, reason: field },
          { t: 'finished', at: '2026-12-03T04:02:00+01:00' },
        ];
        const s = replay(r, events)?.state;
        if (!s) throw new Error('replay');
        const entries = deriveChecklist(r, s, '2026-12-03');
        const outputs = [
          renderNote(r, s, entries, 'sv'),
          renderHandover(r, s, entries, 'sv'),
          renderChecklistText(r, entries, 'sv', title).join('\n'),
          renderChecklistMarkdown(r, s.started, 'abcdefghij', entries, '2026-12-03', 'sv'),
          renderOutline(r, 'sv').join('\n'),
          JSON.stringify(sessionJson(r, s, entries)),
          renderDot(graphModel(r, 'sv', s), 'x'),
          renderMermaid(graphModel(r, 'sv', s), 'x'),
          t('sv', 'session.badId', { id: note }),
        ];
        // Through the real output boundary, coloured, as the CLI writes to a terminal.
        let written = '';
        const ctx = makeContext('sv', {}, {
          env: { FORCE_COLOR: '1' }, stdout: { write: (x: string) => (written += x), isTTY: true }, stderr: { write: (x: string) => (written += x) }, stdinIsTTY: true,
        });
        for (const o of outputs) ctx.out(ctx.c.red(o));
        for (const o of outputs) ctx.err(o);
        assertTerminalSafe(written);
        // Made visible, not dropped: a control character in the note shows as its escape.
        const c0 = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/.exec(note);
        if (c0) expect(written).toContain(`\\u${(c0[0].codePointAt(0) as number).toString(16).padStart(4, '0')}`);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});

