import { formatScore } from './format';
import { computeStakeResult, highlightAdditions, isDivergent, isValidScore, segmentsToMarkdown, SCORE_VALUES } from './seminar';

const bold = (original: string, revised: string) => segmentsToMarkdown(highlightAdditions(original, revised));

describe('score grid', () => {
  it('accepts the eleven half-point scores and nothing else', () => {
    expect(SCORE_VALUES).toHaveLength(11);
    for (const v of SCORE_VALUES) expect(isValidScore(v)).toBe(true);
    for (const v of [6, 2.3, -1, 5.5, -0.5, NaN, Infinity, '3' as unknown]) expect(isValidScore(v)).toBe(false);
  });
});

describe('stake results', () => {
  it('computes means per group and overall, counts and the distribution', () => {
    const result = computeStakeResult(
      [
        { groupId: 'g1', value: 2, count: 3 },
        { groupId: 'g2', value: 4.5, count: 1 },
        { groupId: 'g2', value: 5, count: 1 },
      ],
      ['g1', 'g2', 'g3'],
    );
    expect(result.count).toBe(5);
    expect(result.mean).toBeCloseTo((6 + 9.5) / 5);
    expect(result.byGroup).toEqual([
      { groupId: 'g1', mean: 2, count: 3, formatted: '2/5' },
      { groupId: 'g2', mean: 4.75, count: 2, formatted: '4,8/5' },
      { groupId: 'g3', mean: null, count: 0, formatted: '-' },
    ]);
    expect(result.distribution).toEqual([0, 0, 0, 0, 3, 0, 0, 0, 0, 1, 1]);
    expect(result.divergent).toBe(true);
  });

  it('flags the divergent stakes of the 2018 seminar and only them', () => {
    expect(isDivergent([2, 4.5])).toBe(true); // stake 1, "Services aux citoyens"
    expect(isDivergent([4.5, 2.5])).toBe(true); // stake 6: a 2-point gap is divergent
    expect(isDivergent([4.5, 4.8])).toBe(false);
    expect(isDivergent([5, 5])).toBe(false);
    expect(isDivergent([2, null])).toBe(false);
    expect(formatScore(4.5)).toBe('4,5/5');
  });
});

describe('reformulation diff (additions in bold, as in the 2018 minutes)', () => {
  it('bolds a changed word', () => {
    expect(bold('Trouver des formes collectives pour accélérer.', 'Trouver des moyens pour accélérer.')).toBe('Trouver des **moyens** pour accélérer.');
  });

  it('keeps the comma opening an addition outside the bold and the closing full stop inside', () => {
    expect(bold('au développement de services annexes', 'au développement de services annexes, dont le télétravail.')).toBe(
      'au développement de services annexes, **dont le télétravail.**',
    );
    const access =
      "Assurer l'égalité d'accès aux plateformes en lignes portées par les médiathèques. S'appuyer sur le maillage de lieux physiques pour proposer de la médiation numérique";
    expect(bold(`${access}.`, `${access}, et créer du lien social pour les populations enclavées grâce aux services numériques.`)).toBe(
      `${access}, **et créer du lien social pour les populations enclavées grâce aux services numériques.**`,
    );
  });

  it('merges neighbouring changes and leaves a lone added full stop plain', () => {
    expect(
      bold(
        "Faire bénéficier l'ensemble du territoire de l'innovation produite dans le nord du Département",
        "Faire profiter l'ensemble du territoire de l'innovation produite dans les pôles d'innovation du Département.",
      ),
    ).toBe("Faire **profiter** l'ensemble du territoire de l'innovation produite dans **les pôles d'innovation** du Département.");
  });

  it('bolds a rewrite throughout', () => {
    expect(
      bold(
        'Proposer des actions au niveau départemental pour développer les usages et services numériques en matière de culture.',
        'Donner les moyens aux acteurs départementaux de la culture et diffuser les usages qu’ils développent.',
      ),
    ).toBe('**Donner les moyens aux acteurs départementaux de la culture et diffuser les usages qu’ils développent.**');
  });

  it('returns the text unchanged when nothing was added', () => {
    expect(highlightAdditions('Même texte.', 'Même texte.')).toEqual([{ text: 'Même texte.', added: false }]);
  });
});
