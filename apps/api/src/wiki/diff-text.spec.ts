import { diffTexts, DiffKind } from './revision-diff';
import { formatEuros, markdownToReadable } from './diff-text';
import { ProjectContent, projectDiffText } from './wiki-content';

const sheet = (over: Partial<ProjectContent> = {}): ProjectContent => ({
  title: 'Raccordement des écoles à la fibre',
  summary: 'Raccorder les 48 écoles.',
  body: "## Programme\n\nRaccordement par le **réseau d'initiative publique**, puis câblage.\n\n---\n\n- Wi-Fi dans chaque classe ;\n- voir [[Guide de la fiche projet|le guide]].\n\n1. étude\n2. travaux",
  themes: ['EDUCATION'],
  stage: 'IN_PROGRESS',
  territoryCode: '91228',
  budgetEuros: 540000,
  sections: {},
  ...over,
});

describe('diff text (what a reader reads)', () => {
  it('renders Markdown to its words: no heading marks, rules, emphasis or link syntax', () => {
    const text = markdownToReadable(sheet().body);
    expect(text).toBe(
      "Programme\n\nRaccordement par le réseau d'initiative publique, puis câblage.\n\n• Wi-Fi dans chaque classe ;\n• voir le guide.\n\n1. étude\n2. travaux",
    );
    expect(text).not.toMatch(/##|---|\*\*|\[\[/);
  });

  it('keeps nested lists, quotes, tables and code readable', () => {
    expect(markdownToReadable('> **À adapter** : réécrire.\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n- un\n  - deux\n\n```\ncode <b>\n```')).toBe(
      'À adapter : réécrire.\n\nA | B\n1 | 2\n\n• un\n  • deux\n\ncode <b>',
    );
  });

  it('names the territory and formats amounts the French way', () => {
    const text = projectDiffText(sheet(), 'Évry-Courcouronnes');
    expect(text).toContain('Territoire : Évry-Courcouronnes (91228)');
    expect(text).toMatch(/Budget : 540\s000 €/);
    expect(text).not.toContain('540000');
    expect(formatEuros(1234567)).toMatch(/^1\s234\s567 €$/);
  });

  it('gives a word diff that shows the changed words only, not Markdown markers', () => {
    const chunks = diffTexts(
      projectDiffText(sheet(), 'Évry-Courcouronnes'),
      projectDiffText(
        sheet({ budgetEuros: 560000, body: sheet().body.replace('**réseau', '*réseau').replace('publique**', 'publique*') }),
        'Évry-Courcouronnes',
      ),
    );
    const changed = chunks.filter((c) => c.kind !== DiffKind.UNCHANGED).map((c) => c.text.trim());
    expect(changed.join(' ')).not.toMatch(/\*/);
    // Only the changed group of digits: "Budget : −540 +560 000 €".
    expect(changed).toEqual(['540', '560']);
  });
});
