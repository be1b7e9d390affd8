// The interactive loop with scripted answers instead of a terminal: what it prints, what it
// writes, and that every event is on disk before the next question is asked.
import fs from 'node:fs';
import { Chalk } from 'chalk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startedFor } from '../src/session/started.js';
import { initialState } from '../src/engine/walk.js';
import { acquireLock } from '../src/session/lock.js';
import { createSession, readSession } from '../src/session/store.js';
import { LiveSession } from '../src/session/writer.js';
import type { Spec, Ui } from '../src/ui/prompts.js';
import { walk, type WalkIo } from '../src/ui/walk-loop.js';
import { tempDir } from './helpers/cli.js';
import { routineFromFile } from './helpers/load-routine.js';

const r = routineFromFile('tests/fixtures/walk/alla-typer.yaml', { today: '2026-12-01' });
const ui: Ui = { lang: 'en', c: new Chalk({ level: 0 }), now: () => new Date('2026-12-03T02:10:00Z') };
const contacts = { municipality: 'T', updated: '2026-11-20', contacts: { polis: { name: { sv: 'Polisen', en: 'Police duty officer' }, phone: '114 14' } } };

let dir: string;
beforeEach(() => {
  dir = tempDir('jr-loop-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function open(): LiveSession {
  const started = startedFor(r, ui.now().toISOString(), 'en', { case_ref: 'K-9', worker: 'AB', practice: true });
  const made = createSession(dir, (id) => ({ ...started, session: id }));
  if (!made.ok) throw new Error('create');
  const lock = acquireLock(dir, made.value.id);
  if (!lock.ok) throw new Error('lock');
  return new LiveSession(r, dir, made.value.id, initialState(r, { ...started, session: made.value.id }), lock.value);
}

const logged = (live: LiveSession) => {
  const log = readSession(dir, live.id);
  if (!log.ok) throw new Error('read');
  return log.value.events;
};

/** Answers prompts in order: each step names text the prompt must show and the raw answer. */
type Step = [string, string | string[] | Error, ((spec: Spec<unknown>) => void)?];
function script(live: LiveSession, steps: Step[]) {
  const out: string[] = [];
  const asked: string[] = [];
  const io: WalkIo = {
    ui, out: (s) => out.push(s), err: (s) => out.push(`ERR ${s}`), today: () => '2026-12-03', contacts, jr: 'jour-routine --data-dir X',
    ask: async <T>(spec: Spec<T>): Promise<T> => {
      // Whatever the state says happened must already be in the log when the next prompt shows.
      expect(logged(live)).toHaveLength(live.state.events.length);
      const step = steps.shift();
      if (!step) throw new Error(`unexpected prompt: ${spec.config.message}`);
      const [expected, raw, check] = step;
      asked.push(spec.config.message);
      expect(spec.config.message).toContain(expected);
      check?.(spec as Spec<unknown>);
      if (raw instanceof Error) throw raw;
      return (spec.parse as (v: unknown) => T)(raw);
    },
  };
  return { io, out, asked, left: () => steps.length };
}

const ticked = (spec: Spec<unknown>) =>
  spec.kind === 'checkbox' ? spec.config.choices.flatMap((c) => (typeof c === 'object' && c && 'checked' in c && c.checked ? [c.value] : [])) : [];
const exit = Object.assign(new Error('closed'), { name: 'ExitPromptError' });

describe('the interactive loop', () => {
  it('walks to the end: help, note, contact, decision, checklist and how to print it', async () => {
    const live = open();
    const s = script(live, [
      ['Is anyone in immediate danger?', ':help'],
      ['Is anyone in immediate danger?', ':note'],
      ['Note', 'Two adults in the flat'],
      ['Is anyone in immediate danger?', 'yes'],
      ['Where was the person found?', 'hotell'],
      ['How old is the person?', '15'],
      ['Which signs', ['kontroll', ':help']],
      ['Which signs', ['kontroll'], (spec) => expect(ticked(spec)).toEqual(['kontroll'])],
      ['When was the person found?', 'now'],
      ['Which language', '-'],
      ['Who was contacted', 'Duty officer'],
      ['When did you call', '03:00'],
      ['Report number', '-'],
      ['Who made the decision?', 'Chair NN'],
      ['On what ground?', 'hem'],
      ['When was the decision made?', '03:05'],
      ['When was the decision carried out?', '-'],
      ['Inform the guardians', 'done'],
      ['Finish the case?', 'finish'],
    ]);
    expect(await walk(live, s.io)).toBe(0);
    expect(s.left()).toBe(0);
    const text = s.out.join('\n');
    expect(text).toContain('TRAINING');
    expect(text).toContain('Call 112 first.');
    expect(text).toContain('The note is saved.');
    expect(text).toContain('Contact (polis): Police duty officer, phone 114 14');
    expect(text).toContain('Decision: Immediate custody');
    expect(text).toContain('Outcome: The child is in custody');
    expect(text).toMatch(/\[ \] Report suspected trafficking/);
    expect(text).toContain(`jour-routine --data-dir X checklist ${live.id} | lp`);
    expect(text).toContain(`jour-routine --data-dir X export ${live.id} --handover`);
    const events = logged(live);
    expect(events.map((e) => e.t)).toEqual([
      'started', 'noted', 'answered', 'answered', 'answered', 'answered', 'answered', 'answered', 'recorded', 'decided', 'recorded', 'finished',
    ]);
    expect(events[9]).toMatchObject({ decided_by: 'Chair NN', ground: 'hem', decided_at: '2026-12-03T03:05:00+01:00', carried_out_at: null });
  });

  it('a step half answered and then left records nothing of it', async () => {
    const live = open();
    const s = script(live, [
      ['Is anyone', 'no'], ['Where', 'bil'], ['How old', '15'], ['Which signs', ['pengar']], ['When was the person', 'now'], ['Which language', 'Dari'],
      ['Who was contacted', 'Duty officer'],
      ['When did you call', '<'], // one field back within the step
      ['Who was contacted', '<', (spec) => expect(spec.config).toMatchObject({ default: 'Duty officer' })],
      ['Which language', 'Dari'], // then one question back
      ['Who was contacted', 'p'],
    ]);
    expect(await walk(live, s.io)).toBe(0);
    const types = logged(live).map((e) => e.t);
    expect(types).not.toContain('recorded');
    expect(types.slice(-4)).toEqual(['answered', 'went_back', 'answered', 'paused']);
    expect(s.out.join('\n')).toContain(`Continue with:\n  jour-routine --data-dir X resume ${live.id}`);
  });

  it('Ctrl+C at a prompt pauses the session and exits 130; going back at the start says there is nothing', async () => {
    const live = open();
    const s = script(live, [['Is anyone', ':back'], ['Is anyone', exit]]);
    expect(await walk(live, s.io)).toBe(130);
    expect(s.out.join('\n')).toContain('There is no earlier question to go back to.');
    expect(s.out.join('\n')).toContain('Interrupted. Everything confirmed is saved.');
    expect(logged(live).map((e) => e.t)).toEqual(['started', 'paused']);
  });
});
