// Conditions as a routine owner reads them: `alder < 18`, `polis.anmalan = ja och inte x`.
import type { CCondition } from '../core/model.js';
import type { Lang } from '../core/i18n.js';

const WORDS = {
  sv: { and: 'och', or: 'eller', not: 'inte', answered: 'är besvarad', unanswered: 'är obesvarad', includes: 'innehåller', in: 'är en av', yes: 'ja', no: 'nej', always: 'alltid', never: 'aldrig' },
  en: { and: 'and', or: 'or', not: 'not', answered: 'is answered', unanswered: 'is unanswered', includes: 'includes', in: 'is one of', yes: 'yes', no: 'no', always: 'always', never: 'never' },
} as const;

export function conditionText(c: CCondition, lang: Lang): string {
  const w = WORDS[lang];
  const v = (x: unknown) => (x === true || x === 'yes' ? w.yes : x === false || x === 'no' ? w.no : String(x));
  if ('all' in c) return c.all.map((x) => wrap(x, lang)).join(` ${w.and} `);
  if ('any' in c) return c.any.map((x) => wrap(x, lang)).join(` ${w.or} `);
  if ('not' in c) return `${w.not} ${wrap(c.not, lang)}`;
  if ('const' in c) return c.const ? w.always : w.never;
  if (c.answered !== undefined) return `${c.q} ${c.answered ? w.answered : w.unanswered}`;
  if (c.eq !== undefined) return `${c.q} = ${v(c.eq)}`;
  if (c.ne !== undefined) return `${c.q} ≠ ${v(c.ne)}`;
  if (c.lt !== undefined) return `${c.q} < ${c.lt}`;
  if (c.lte !== undefined) return `${c.q} ≤ ${c.lte}`;
  if (c.gt !== undefined) return `${c.q} > ${c.gt}`;
  if (c.gte !== undefined) return `${c.q} ≥ ${c.gte}`;
  if (c.in !== undefined) return `${c.q} ${w.in} ${c.in.map(v).join(', ')}`;
  if (c.includes !== undefined) return `${c.q} ${w.includes} ${c.includes}`;
  return c.q;
}

function wrap(c: CCondition, lang: Lang): string {
  return 'all' in c || 'any' in c ? `(${conditionText(c, lang)})` : conditionText(c, lang);
}
