// `jour-routine diff` as a routine owner reads it: grouped by what changed (the routine, modules,
// nodes, checklist, legal references), each line `+` added, `-` removed or `~` changed. Pure.
import type { Change, RouteView } from '../owner/diff-nodes.js';
import type { CompiledRoutine } from '../core/model.js';
import type { Reference } from '../core/schema.js';
import { t, type Lang } from '../core/i18n.js';
import { conditionText } from './condition-text.js';
import { dueText } from './outline.js';

const AREAS: Change['area'][] = ['routine', 'module', 'node', 'item', 'reference'];
const SIGN = { added: '+', removed: '-', changed: '~' } as const;

type Due = { days?: number; weeks?: number; months?: number; next_working_day?: true; from?: string };

export function diffLines(lang: Lang, a: CompiledRoutine, b: CompiledRoutine, changes: Change[]): string[] {
  const m = (key: string, p: Record<string, string | number> = {}) => t(lang, key, p);
  // Typographic quotes, so that a text with ASCII quotes in it still reads unambiguously.
  const [open, close] = lang === 'sv' ? ['”', '”'] : ['“', '”'];
  const q = (s: unknown) => (s === undefined || s === null || s === '' ? '–' : `${open}${String(s)}${close}`);
  const plain = (v: unknown): string => {
    if (v === undefined || v === null) return '–';
    if (typeof v === 'boolean') return m(v ? 'answer.yes' : 'answer.no');
    if (Array.isArray(v)) return v.length ? v.join(', ') : '–';
    return String(v);
  };
  const due = (d: Due | undefined) => (d ? `${dueText(d, lang)} ${d.from ?? ''}`.trim() : '–');
  const route = (r: CompiledRoutine, node: string, v: RouteView | undefined): string => {
    if (!v) return '–';
    const n = r.nodes.get(node);
    const opt = n?.kind === 'question' ? n.options?.find((o) => o.id === v.answer) : undefined;
    const label =
      v.answer !== undefined
        ? opt ? opt.label[lang] : m(`answer.${v.answer}`)
        : `${m('outline.if')} ${conditionText(v.when ?? { const: true }, lang)}`;
    const items = v.checklist.length ? ` [+ ${v.checklist.join(', ')}]` : '';
    return `${label} → ${v.next ?? '…'}${items}`;
  };
  const field = (c: Change) => `${m(`owner.diff.f.${c.field ?? ''}`)}${c.key !== undefined && !c.key.includes(':') && c.field !== 'changelog' ? ` ${c.key}` : ''}${c.lang ? ` (${c.lang})` : ''}`;
  const fmt = (c: Change, v: unknown): string => {
    switch (c.field) {
      case 'text': case 'help': case 'section': case 'title': case 'description': case 'law': case 'note':
      case 'option': case 'option-help': case 'field': case 'ground':
        return typeof v === 'object' && v !== null && 'label' in v ? q((v as { label: Record<Lang, string> }).label[lang]) : q(v);
      case 'type': return v === undefined ? '–' : m(`qtype.${String(v)}`);
      case 'owner': return m(`owner.${String(v)}`);
      case 'urgency': return m(`urgency.${String(v)}`);
      case 'due': return due(v as Due | undefined);
      case 'changelog': {
        const e = v as { version: number; date: string; text: Record<Lang, string> } | undefined;
        return e ? `v${e.version} ${e.date} ${q(e.text[lang])}` : '–';
      }
      default: return plain(v);
    }
  };
  const line = (c: Change): string => {
    if (c.field === 'route') {
      if (c.op !== 'changed') return `${SIGN[c.op]} ${m('owner.diff.f.route')}: ${c.op === 'added' ? route(b, c.id, c.new as RouteView) : route(a, c.id, c.old as RouteView)}`;
      return `~ ${m('owner.diff.f.route')}: ${route(a, c.id, c.old as RouteView)}  ${m('owner.diff.became')}  ${route(b, c.id, c.new as RouteView)}`;
    }
    if (c.op === 'added') return `+ ${field(c)}: ${fmt(c, c.new)}`;
    if (c.op === 'removed') return `- ${field(c)}: ${fmt(c, c.old)}`;
    return `~ ${field(c)}: ${fmt(c, c.old)} → ${fmt(c, c.new)}`;
  };
  const head = (c: Change): string => {
    switch (c.area) {
      case 'node': {
        const kind = m(`owner.diff.kind.${c.kind ?? 'question'}`);
        if (c.op === 'changed') return `~ ${kind} ${c.id}`;
        const text = (c.op === 'added' ? c.new : c.old) as Record<Lang, string> | undefined;
        return `${SIGN[c.op]} ${kind} ${c.id}: ${q(text?.[lang])}`;
      }
      case 'item': {
        const v = (c.op === 'added' ? c.new : c.old) as { text: Record<Lang, string>; owner: string; urgency: string; due?: Due } | undefined;
        if (c.op === 'changed' || !v) return `~ ${c.id}`;
        const parts = [m(`owner.${v.owner}`), m(`urgency.${v.urgency}`), ...(v.due ? [`${m('outline.due')} ${due(v.due)}`] : [])];
        return `${SIGN[c.op]} ${c.id}: ${q(v.text[lang])} (${parts.join(', ')})`;
      }
      case 'reference': {
        const v = (c.op === 'added' ? c.new : c.old) as Reference | undefined;
        return c.op === 'changed' || !v ? `~ ${c.id}` : `${SIGN[c.op]} ${c.id}: ${v.law[lang]} – ${v.title[lang]}`;
      }
      case 'module': {
        const v = (x: unknown) => { const mv = x as { module: string; version: number }; return `${mv.module} v${mv.version}`; };
        if (c.op === 'changed') return `~ ${c.id}: ${v(c.old)} → ${v(c.new)}`;
        return `${SIGN[c.op]} ${c.id}: ${v(c.op === 'added' ? c.new : c.old)}`;
      }
      default:
        return '';
    }
  };

  const lines = [m('owner.diff.title', { old: `${a.id} v${a.version}`, new: `${b.id} v${b.version}` })];
  for (const area of AREAS) {
    const group = changes.filter((c) => c.area === area);
    if (!group.length) continue;
    lines.push('', `== ${m(`owner.diff.h.${area}`)}`);
    if (area === 'routine') {
      group.forEach((c) => lines.push(`  ${line(c)}`));
      continue;
    }
    // Entity-level changes (added/removed) stand alone; field changes are listed under their entity.
    const seen = new Set<string>();
    for (const c of group) {
      const entity = c.field === undefined || area === 'module';
      if (entity) {
        lines.push(`  ${head(c)}`);
        continue;
      }
      if (!seen.has(c.id)) {
        seen.add(c.id);
        lines.push(`  ${head({ ...c, op: 'changed' })}`);
      }
      lines.push(`      ${line(c)}`);
    }
  }
  if (changes.length === 0) lines.push('', m('owner.diff.none'));
  // Every case note records the version, so changed content under the same number is worth a word.
  else if (a.id === b.id && a.version === b.version) lines.push('', m('owner.diff.sameVersion', { version: a.version }));
  return lines;
}

