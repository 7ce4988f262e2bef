import { digestSections, subjectPath } from './digest-content';
import { lastPeriods } from './digest.service';

const link = (path: string) => `https://essaim.example.org${path}`;

describe('digest content', () => {
  it('groups per sheet and thread, summing revisions up as one range', () => {
    const sections = digestSections(
      [
        { kind: 'PROJECT_UPDATED', message: 'A a modifié la fiche « Cantine » (révision 2).', url: '/projets/cantine/historique?de=1&a=2' },
        { kind: 'REPLY', message: 'B a répondu dans « Compost ».', url: '/forum/sujet/4#message-9' },
        { kind: 'PROJECT_UPDATED', message: 'C a modifié la fiche « Cantine » (révisions 3 à 6).', url: '/projets/cantine/historique?de=2&a=6' },
        { kind: 'BLOCKER_LIFTED', message: 'Frein levé sur « Cantine » : Financement.', url: '/projets/cantine#frein-3' },
        { kind: 'REPLY', message: 'D a répondu dans « Compost ».', url: '/forum/sujet/4#message-12' },
      ],
      'fr',
      link,
    );
    expect(sections).toEqual([
      {
        heading: 'Cantine',
        url: link('/projets/cantine/historique?de=1&a=6'),
        lines: ['Révisions 2 à 6 de « Cantine »', 'Frein levé sur « Cantine » : Financement.'],
      },
      { heading: 'Compost', url: link('/forum/sujet/4'), lines: ['B a répondu dans « Compost ».', 'D a répondu dans « Compost ».'] },
    ]);
  });

  it('says one revision in the singular, in English too', () => {
    const [section] = digestSections([{ kind: 'PROJECT_UPDATED', message: 'x « Bus » y', url: '/projets/bus/historique?de=4&a=5' }], 'en', link);
    expect(section.lines).toEqual(['Revision 5 of “Bus”']);
  });

  it('reduces a notification to its page', () => {
    expect(subjectPath('/projets/a/historique?de=1&a=2')).toBe('/projets/a');
    expect(subjectPath('/forum/sujet/3#message-4')).toBe('/forum/sujet/3');
  });

  it('takes the last complete day and Monday-to-Monday week before now (UTC)', () => {
    const [daily, weekly] = lastPeriods(new Date('2026-12-09T10:00:00Z')); // a Wednesday
    expect(daily).toMatchObject({ key: 'D2026-12-08', start: new Date('2026-12-08T00:00:00Z'), end: new Date('2026-12-09T00:00:00Z') });
    expect(weekly).toMatchObject({ key: 'W2026-11-30', start: new Date('2026-11-30T00:00:00Z'), end: new Date('2026-12-07T00:00:00Z') });
    expect(lastPeriods(new Date('2026-12-07T00:00:00Z'))[1].key).toBe('W2026-11-30'); // Monday midnight: last week just ended
  });
});
