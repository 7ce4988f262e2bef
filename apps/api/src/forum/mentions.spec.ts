import { highlightMentions, parseMentions, resolveMentions } from './mentions';

describe('mentions', () => {
  const participants = [
    { id: 1, displayName: 'Étienne Agent (Évry)' },
    { id: 2, displayName: 'Élodie Agente (Étampes)' },
    { id: 3, displayName: 'Élodie Martin' },
  ];

  it('parses full names and words, ignoring code and e-mail addresses', () => {
    expect(parseMentions('Salut @[Alice Admin], @Etienne. Voir `@Code` et agent@mairie.fr\n```\n@Bloc\n```')).toEqual({
      fullNames: ['Alice Admin'],
      words: ['Etienne'],
    });
  });

  it('resolves words among participants: compact full name, or a unique first name (accents and case ignored)', () => {
    const { userIds, resolvedWords } = resolveMentions(parseMentions('@etienne @ElodieMartin @Élodie @Personne'), participants, []);
    expect(userIds.sort()).toEqual([1, 3]);
    expect([...resolvedWords].sort()).toEqual(['ElodieMartin', 'etienne']);
  });

  it('resolves full names against everyone found by name', () => {
    const { userIds } = resolveMentions(parseMentions('@[alice admin]'), [], [{ id: 9, displayName: 'Alice Admin' }]);
    expect(userIds).toEqual([9]);
  });

  it('highlights resolved mentions only, escaping names, leaving code alone', () => {
    const html = highlightMentions('@[A <b>] et @etienne et @inconnu `@etienne`', new Set(['etienne']));
    expect(html).toBe('<span class="mention">@A &lt;b&gt;</span> et <span class="mention">@etienne</span> et @inconnu `@etienne`');
  });
});
