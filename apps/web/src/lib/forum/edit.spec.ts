import { describe, expect, it } from '@jest/globals';
import { currentVersion, editLinks } from './edit';

describe('forum edit helpers', () => {
  it('reads the version the API sends with a CONFLICT on editPost', () => {
    const extensions = {
      code: 'CONFLICT',
      currentRevision: 3,
      current: { revision: 3, body: 'Texte actuel', author: { id: '7', displayName: 'Mehdi Modération' }, savedAt: '2026-01-01T10:00:00.000Z' },
    };
    expect(currentVersion(extensions)).toEqual({ revision: 3, body: 'Texte actuel', author: 'Mehdi Modération' });
    expect(currentVersion({ current: { revision: 2, body: '', author: null } })).toEqual({ revision: 2, body: '', author: null });
  });

  it('ignores a missing or malformed current version', () => {
    expect(currentVersion(undefined)).toBeNull();
    expect(currentVersion({ currentRevision: 3 })).toBeNull();
    expect(currentVersion({ current: { revision: '3', body: 'x' } })).toBeNull();
    expect(currentVersion({ current: { revision: 3, body: 42 } })).toBeNull();
    expect(currentVersion({ current: { revision: 1.5, body: 'x' } })).toBeNull();
  });

  it('keeps the page of posts in the editor links', () => {
    expect(editLinks('12', '40', 'abc')).toEqual({
      edit: '/forum/sujet/12?apres=abc&modifier=40#modifier-40',
      cancel: '/forum/sujet/12?apres=abc#message-40',
      action: '?apres=abc&modifier=40&/edit',
    });
  });
});
