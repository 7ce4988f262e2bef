import { expandQuery, expressionWords, meiliPhrase, meiliSynonyms } from './synonyms';

describe('synonyms of the field', () => {
  it('expands an acronym into its expressions for the SQL fallbacks, original first', () => {
    const variants = expandQuery(expressionWords('MSP rurale'));
    expect(variants[0]).toEqual(['msp', 'rurale']);
    expect(variants).toContainEqual(['maison', 'sante', 'pluriprofessionnelle', 'rurale']);
  });

  it('matches the longest expression and expands several groups, bounded', () => {
    expect(expandQuery(expressionWords('tiers-lieu'))).toEqual(expect.arrayContaining([['tiers', 'lieu'], ['coworking'], ['telecentre']]));
    const both = expandQuery(expressionWords('THD et tiers-lieu'));
    // Capped at 12, but each group's own expansions come before combinations.
    expect(both[0]).toEqual(['thd', 'tiers', 'lieu']);
    expect(both).toContainEqual(['fibre', 'tiers', 'lieu']);
    expect(both).toContainEqual(['thd', 'coworking']);
    expect(both.length).toBe(12);
    expect(expandQuery(['cantine', 'bio'])).toContainEqual(['restauration', 'scolaire', 'bio']);
    expect(expandQuery(['rien', 'ici'])).toEqual([['rien', 'ici']]);
  });

  it('gives Meilisearch phrases without stop words, both ways', () => {
    expect(meiliPhrase('maison de santé pluriprofessionnelle')).toBe('sante pluriprofessionnelle');
    expect(meiliPhrase('maison de santé')).toBeNull();
    expect(meiliPhrase('Très haut débit')).toBe('tres haut debit');
    const synonyms = meiliSynonyms();
    expect(synonyms.msp).toContain('sante pluriprofessionnelle');
    expect(synonyms['sante pluriprofessionnelle']).toContain('msp');
    expect(synonyms.thd).toEqual(expect.arrayContaining(['fibre', 'tres haut debit']));
    for (const [key, values] of Object.entries(synonyms)) expect(values).not.toContain(key);
  });
});
