import { registerEnumType } from '@nestjs/graphql';

/** What a user can follow. Other features pass these to NotificationsService. */
export enum FollowTargetType {
  THREAD = 'THREAD',
  PROJECT = 'PROJECT',
}

registerEnumType(FollowTargetType, { name: 'FollowTargetType', description: 'What a user can follow: a forum thread or a project sheet.' });

export interface FollowTarget {
  targetType: FollowTargetType | `${FollowTargetType}`;
  targetId: number | string;
}

/** What a notification says. `message` is French, shown as is; `url` is a path in the web app. */
export interface NotificationPayload {
  /** Short machine-readable kind, e.g. REPLY, MENTION, ACCEPTED_ANSWER, PROJECT_UPDATED, BLOCKER_LIFTED. */
  kind: string;
  message: string;
  url: string;
}
