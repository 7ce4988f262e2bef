import { registerEnumType } from '@nestjs/graphql';

/** What a user can follow. Other features pass these to NotificationsService. */
export enum FollowTargetType {
  THREAD = 'THREAD',
  PROJECT = 'PROJECT',
  COMMITMENT = 'COMMITMENT',
}

registerEnumType(FollowTargetType, {
  name: 'FollowTargetType',
  description: 'What a user can follow: a forum thread, a project sheet or a seminar commitment.',
});

export interface FollowTarget {
  targetType: FollowTargetType | `${FollowTargetType}`;
  targetId: number | string;
}

/** What a notification says. `message` is French, shown as is; `url` is a path in the web app. */
export interface NotificationPayload {
  /** Short machine-readable kind, e.g. REPLY, MENTION, ACCEPTED_ANSWER, PROJECT_UPDATED, PROJECT_REPLICATED, BLOCKER_LIFTED. */
  kind: string;
  message: string;
  url: string;
  /** The user the message names as having done it, if any (reworded when that account is deleted). */
  actorId?: number | null;
  /**
   * What e-mails say instead, when the notification sums up things already mailed (a grouped
   * notification replacing one that was e-mailed): only what is new, so nothing is mailed twice.
   */
  mail?: { message: string; url: string } | null;
}

/**
 * Notifications about one subject (e.g. one sheet edited by one person): while the follower has
 * not read the last one and it is younger than `windowMs`, a new one replaces it.
 */
export interface NotificationGroup {
  /** At most 80 characters, e.g. `PROJECT_UPDATED:12:7`. */
  key: string;
  windowMs: number;
}

/** What the replaced notification said, so the new one can sum both up (e.g. a wider diff). */
export interface PreviousNotification {
  message: string;
  url: string;
  createdAt: Date;
  /** Set once it was e-mailed (at once or in a digest). */
  mailedAt?: Date | null;
  /** What its e-mail says, when it differs from url (see NotificationPayload.mail). */
  mailUrl?: string | null;
}
