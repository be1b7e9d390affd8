// What the legal references in routines/references.yaml say, where a reviewer found them wrong:
// the scope of 10 kap. 23 § OSL, the articles of the 1996 Hague Convention, the old Social
// Services Act, lag (2005:429), Vienna art. 37 b and the three-monthly 14 § LVU review.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReferences } from '../src/routine/load.js';
import { readFileSafe } from '../src/routine/registry.js';
import { ROOT } from './helpers/cli.js';

const refs = loadReferences(join(ROOT, 'routines', 'references.yaml'), readFileSafe).references;
const ref = (id: string) => {
  const r = refs.get(id);
  if (!r) throw new Error(`no reference ${id}`);
  return r;
};
const flat = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ');

describe('routines/references.yaml', () => {
  it('10 kap. 23 § OSL: one year in the minimum scale; aggravated human exploitation in, the normal degree out', () => {
    const osl = ref('osl-10-23');
    expect(osl.title.sv).toContain('minst ett års fängelse i straffskalan');
    expect(flat(osl.note?.sv)).toMatch(/grov människoexploatering \(2 till 10 år\)/);
    expect(flat(osl.note?.sv)).toMatch(/Omfattar inte människoexploatering av normalgraden \(högst 4 år\)/);
    expect(flat(ref('brb-4-1b').note?.sv)).toMatch(/Normalgraden högst 4 år: omfattas inte/);
    expect(flat(ref('brb-8-5').note?.sv)).toContain('10 kap. 23 § OSL gäller');
  });

  it('the old Social Services Act (2001:453) is cited only as "formerly", beside the act in force since 2025-07-01', () => {
    const old = [...refs].filter(([, r]) => r.law.sv.includes('2001:453'));
    expect(old.length).toBeGreaterThan(0);
    for (const [id, r] of old) {
      // A reference to a section of the repealed act itself would have to end the day before.
      const namesNewActFirst = r.law.sv.startsWith('Socialtjänstlag (2025:400), förut ');
      expect(namesNewActFirst || (r.valid_until !== undefined && r.valid_until <= '2025-06-30'), id).toBe(true);
      if (namesNewActFirst) expect(r.valid_from, id).toBe('2025-07-01');
    }
  });

  it('the Hague Convention: one reference per article, art. 36 only for a child who moved, art. 34 for asking', () => {
    expect(ref('hague-1996').law.sv).toMatch(/art\. 11, 32, 34 och 36/);
    expect(ref('hague-1996-36').title.sv).toMatch(/flyttat dit eller befinner sig där/);
    expect(flat(ref('hague-1996-36').note?.sv)).toMatch(/inte för att informera hemlandet om ett barn som är kvar här/);
    expect(ref('hague-1996-34').title.sv).toMatch(/^Begära uppgifter från ett annat land/);
    expect(flat(ref('hague-1996-32').note?.sv)).toMatch(/använd art\. 34/);
    expect(ref('hague-1996-11').title.sv).toMatch(/^Brådskande skyddsåtgärder/);
  });

  it('lag (2005:429) is about the guardian, not the Migration Agency; Vienna art. 37 b not about safety', () => {
    expect(flat(ref('lag-2005-429').note?.sv)).toMatch(/åldersbedömning och asylprövning regleras i utlänningslagen/);
    expect(ref('ul-2005-716').title.sv).toMatch(/^Migrationsverket/);
    expect(flat(ref('wien-37b').note?.sv)).toMatch(/^Gäller bara när en förmyndare eller god man behövs/);
  });

  it('14 § LVU: the review at least every three months has a reference of its own', () => {
    const review = ref('lvu-14-overvagande');
    expect(review.title.sv).toContain('minst var tredje månad');
    expect(review.valid_until).toBe(ref('lvu-14').valid_until);
    expect(flat(ref('lvu-14').note?.sv)).toContain('minst var tredje månad');
  });

  it('ids that routines may cite are never removed', () => {
    // The child routine and local routines cite these; renaming one breaks them at load.
    for (const id of ['lvu-14', 'sol-anmalan', 'sol-skyddsbedomning', 'sol-utredning', 'hague-1996', 'lag-2005-429', 'wien-37b', 'osl-10-23', 'brb-4-1b']) {
      expect(refs.has(id), id).toBe(true);
    }
  });
});
