import { hasVisibleCharacter, lineTextProblem, normaliseDisplayName, unstorableTextProblem } from './text-rules';

describe('the text rules', () => {
  it('refuses NUL and lone surrogates anywhere, keeps emoji pairs', () => {
    expect(unstorableTextProblem('a\u0000')).toMatch(/nul/);
    expect(unstorableTextProblem('a\uD800')).toMatch(/mal formé/);
    expect(unstorableTextProblem('\uDC00a')).toMatch(/mal formé/);
    expect(unstorableTextProblem('🐝 texte\n\tsur deux lignes')).toBeNull();
  });

  it('wants one visible character in a title, no control and no bidi override', () => {
    expect(lineTextProblem('Séminaire 2026', 'titre')).toBeNull();
    expect(lineTextProblem('\u200B\u200D\uFEFF', 'titre')).toMatch(/visible/);
    expect(lineTextProblem('\u3164\u3164', 'titre')).toMatch(/visible/);
    expect(lineTextProblem('deux\nlignes', 'titre')).toMatch(/contrôle/);
    expect(lineTextProblem('a\u202Eb', 'titre')).toMatch(/sens d'écriture/);
    expect(lineTextProblem('a\u2067b', 'titre')).toMatch(/sens d'écriture/);
    expect(hasVisibleCharacter('\u00A0 ')).toBe(false);
  });

  it('normalises display names: NFKC, invisible and bidi characters out, spaces collapsed', () => {
    expect(normaliseDisplayName('  Ｃａｍｉｌｌｅ\u200B  Dupont\u202E ')).toBe('Camille Dupont');
    expect(normaliseDisplayName('ﬁlou\u200F')).toBe('filou');
    expect(normaliseDisplayName('\u200B\u2066')).toBe('');
    expect(normaliseDisplayName(42)).toBe(42);
  });
});
