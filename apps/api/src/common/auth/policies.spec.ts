import { canActForTerritory, isAuthor, isAuthorOrModerator } from './policies';

describe('shared policies', () => {
  const member = { id: 7, role: 'MEMBER' as const, verifiedTerritoryCodes: ['91228'] };
  const moderator = { id: 8, role: 'MODERATOR' as const };

  it('acts for a territory only as a verified member, or as staff for any', () => {
    expect(canActForTerritory(member, '91228')).toBe(true);
    expect(canActForTerritory(member, '91377')).toBe(false);
    expect(canActForTerritory({ ...member, verifiedTerritoryCodes: [] }, '91228')).toBe(false);
    expect(canActForTerritory(moderator, '91377')).toBe(true);
    expect(canActForTerritory(null, '91228')).toBe(false);
  });

  it('knows the author by id; content whose author is gone has none', () => {
    expect(isAuthor(member, 7)).toBe(true);
    expect(isAuthor(member, 8)).toBe(false);
    expect(isAuthor(member, null)).toBe(false);
    expect(isAuthor({ role: 'MEMBER' }, undefined)).toBe(false);
    expect(isAuthor(null, 7)).toBe(false);
  });

  it('lets the author or a moderator edit, nobody else', () => {
    expect(isAuthorOrModerator(member, 7)).toBe(true);
    expect(isAuthorOrModerator(member, 9)).toBe(false);
    expect(isAuthorOrModerator(moderator, 9)).toBe(true);
    expect(isAuthorOrModerator(moderator, null)).toBe(true);
    expect(isAuthorOrModerator({ id: 9, role: 'FACILITATOR' as const }, 7)).toBe(false);
  });
});
