import { announcedRange, projectReplicatedNotice, projectUpdatedNotice, projectUpdateGroup } from './project-notices';

const save = { editor: 'Alice Martin', title: 'Télécentre', slug: 'telecentre-etampes', base: 3, revision: 4 };

describe('notices to the followers of a sheet', () => {
  it('announces one revision with the diff of that revision', () => {
    expect(projectUpdatedNotice(save, null)).toEqual({
      kind: 'PROJECT_UPDATED',
      message: 'Alice Martin a modifié la fiche « Télécentre » (révision 4).',
      url: '/projets/telecentre-etampes/historique?de=3&a=4',
      mail: null,
    });
  });

  it('says when an old revision was restored', () => {
    expect(projectUpdatedNotice({ ...save, restored: 1 }, null).message).toBe('Alice Martin a restauré la révision 1 de la fiche « Télécentre » (révision 4).');
  });

  it('sums up the unread notification it replaces: every revision since, one diff', () => {
    const previous = { ...projectUpdatedNotice({ ...save, base: 1, revision: 2 }, null), createdAt: new Date() };
    const next = projectUpdatedNotice({ ...save, base: 3, revision: 4, restored: 1 }, previous);
    expect(next.message).toBe('Alice Martin a modifié la fiche « Télécentre » (révisions 2 à 4).');
    expect(next.url).toBe('/projets/telecentre-etampes/historique?de=1&a=4');
    expect(announcedRange(next.url)).toEqual({ from: 1, to: 4 });
  });

  it('e-mails only the revisions not yet mailed when the replaced notification was mailed', () => {
    const first = { ...projectUpdatedNotice({ ...save, base: 1, revision: 2 }, null), createdAt: new Date(), mailedAt: new Date() };
    const second = projectUpdatedNotice({ ...save, base: 2, revision: 3 }, first);
    expect(second.message).toBe('Alice Martin a modifié la fiche « Télécentre » (révisions 2 à 3).');
    expect(second.mail).toEqual({
      message: 'Alice Martin a modifié la fiche « Télécentre » (révision 3).',
      url: '/projets/telecentre-etampes/historique?de=2&a=3',
    });
    // Not mailed yet: the next one extends what is still to mail (3 to 4), not what was mailed (2).
    const third = projectUpdatedNotice({ ...save, base: 3, revision: 4 }, { ...second, mailUrl: second.mail!.url, createdAt: new Date(), mailedAt: null });
    expect(third.url).toBe('/projets/telecentre-etampes/historique?de=1&a=4');
    expect(third.mail).toEqual({
      message: 'Alice Martin a modifié la fiche « Télécentre » (révisions 3 à 4).',
      url: '/projets/telecentre-etampes/historique?de=2&a=4',
    });
    // Nothing of the replaced one mailed: the mail says the same as the notification.
    expect(projectUpdatedNotice({ ...save, base: 2, revision: 3 }, { ...first, mailedAt: null }).mail).toBeNull();
  });

  it('groups by sheet and editor', () => {
    expect(projectUpdateGroup(12, 7).key).toBe('PROJECT_UPDATED:12:7');
    expect(projectUpdateGroup(12, 8).key).not.toBe(projectUpdateGroup(12, 7).key);
  });

  it('reads no range from another url', () => {
    expect(announcedRange('/projets/telecentre-etampes')).toBeNull();
  });

  it('announces a replication with the new sheet', () => {
    expect(projectReplicatedNotice('Bob Durand', { title: 'Télécentre' }, { slug: 'telecentre-dourdan' }, 'Dourdan')).toEqual({
      kind: 'PROJECT_REPLICATED',
      message: 'Bob Durand réplique « Télécentre » pour Dourdan.',
      url: '/projets/telecentre-dourdan',
    });
  });
});
