import { roleIncludes } from '@essaim/domain';
import type { Role } from './role';

/** What the rules need to know about a user: its role and the territories it is verified in. */
export interface PolicySubject {
  id?: number;
  role: Role;
  verifiedTerritoryCodes?: readonly string[];
  managedTerritoryCodes?: readonly string[];
}

type Subject = PolicySubject | null | undefined;

/** Moderators and admins: they act on any territory's content. */
export const isStaff = (user: Subject): boolean => !!user && roleIncludes(user.role, 'MODERATOR');

/** Moderation rights (hiding posts and revisions, editing others' posts, locked threads): moderators and admins, never FACILITATOR (a sibling role). */
export const isModerator = (user: Subject): boolean => isStaff(user);

export const isAdmin = (user: Subject): boolean => !!user && user.role === 'ADMIN';

/** A VERIFIED membership of the territory (a chosen or pending territory grants nothing). */
export const isVerifiedMember = (user: Subject, territoryCode: string | null | undefined): boolean =>
  !!user && !!territoryCode && (user.verifiedTerritoryCodes ?? []).includes(territoryCode);

/**
 * Acting *for* a territory — editing its sheets and pages as its member, reporting or editing its
 * blockers, reading its confidential blockers, entering its figures, managing its peer lists.
 */
export const canActForTerritory = (user: Subject, territoryCode: string | null | undefined): boolean => isStaff(user) || isVerifiedMember(user, territoryCode);

/** Approving or refusing membership requests of a territory: its verified managers and staff. */
export const canManageMembers = (user: Subject, territoryCode: string): boolean =>
  isStaff(user) || (isVerifiedMember(user, territoryCode) && (user?.managedTerritoryCodes ?? []).includes(territoryCode));

/** The author of a piece of content; content whose author is gone (null) has none. */
export const isAuthor = (user: Subject, authorId: number | null | undefined): boolean => !!user?.id && authorId != null && user.id === authorId;

/** Editing a piece of content (a post) or deciding on it (accepting an answer in one's thread): its author, or a moderator. */
export const isAuthorOrModerator = (user: Subject, authorId: number | null | undefined): boolean => isAuthor(user, authorId) || isModerator(user);
