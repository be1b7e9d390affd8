import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../src/core/diagnostics.js';
import { allKeys, hasMessage, langFromEnv, t } from '../src/core/i18n.js';

describe('messages', () => {
  it('has every text in both Swedish and English', () => {
    const { sv, en } = allKeys();
    expect(sv.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !sv.includes(k))).toEqual([]);
  });

  it('has a sentence for every diagnostic code and severity', () => {
    const missing = Object.keys(DIAGNOSTIC_CODES).filter((c) => !hasMessage(`diag.${c}`));
    expect(missing).toEqual([]);
    for (const s of ['error', 'warning', 'info']) expect(hasMessage(`severity.${s}`)).toBe(true);
  });

  it('uses the same placeholders in both languages', () => {
    const { sv } = allKeys();
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differing = sv.filter((k) => JSON.stringify(names(t('sv', k))) !== JSON.stringify(names(t('en', k))));
    expect(differing).toEqual([]);
  });

  it('picks Swedish from a Swedish or unset locale and English from an English one', () => {
    expect(langFromEnv({ LANG: 'sv_SE.UTF-8' })).toBe('sv');
    expect(langFromEnv({})).toBe('sv');
    expect(langFromEnv({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'en_US.UTF-8', LC_ALL: 'sv_SE.UTF-8' })).toBe('sv');
  });

  it('fills parameters', () => {
    expect(t('en', 'diag.unknown-target', { target: 'x' })).toBe('unknown target "x"');
  });
});
