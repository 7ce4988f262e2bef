import type { NotificationPayload } from '../notifications/follow-target';
import type { ForumActor } from './forum.events';

/** French texts and links of the forum's notifications. */
const short = (title: string) => (title.length > 80 ? `${title.slice(0, 79)}…` : title);

export const threadUrl = (threadId: number, postId?: number) => `/forum/sujet/${threadId}${postId ? `#message-${postId}` : ''}`;

/** Who did it: named in the message, and kept as `actorId` so an account deletion can reword it. */
type Actor = ForumActor;

/** The part of an account events carry (never the whole account). */
export const forumActor = (user: ForumActor): ForumActor => ({ id: user.id, displayName: user.displayName });

export const forumNotifications = {
  reply: (author: Actor, title: string, threadId: number, postId: number): NotificationPayload => ({
    kind: 'REPLY',
    actorId: author.id,
    message: `${author.displayName} a répondu dans « ${short(title)} ».`,
    url: threadUrl(threadId, postId),
  }),
  mention: (author: Actor, title: string, threadId: number, postId: number): NotificationPayload => ({
    kind: 'MENTION',
    actorId: author.id,
    message: `${author.displayName} vous a mentionné·e dans « ${short(title)} ».`,
    url: threadUrl(threadId, postId),
  }),
  accepted: (author: Actor, title: string, threadId: number, postId: number): NotificationPayload => ({
    kind: 'ACCEPTED_ANSWER',
    actorId: author.id,
    message: `${author.displayName} a accepté votre réponse dans « ${short(title)} ».`,
    url: threadUrl(threadId, postId),
  }),
  projectDiscussion: (author: Actor, projectTitle: string, threadId: number): NotificationPayload => ({
    kind: 'PROJECT_DISCUSSION',
    actorId: author.id,
    message: `${author.displayName} a ouvert la discussion du projet « ${short(projectTitle)} ».`,
    url: threadUrl(threadId),
  }),
  hidden: (title: string, threadId: number, postId: number, reason: string): NotificationPayload => ({
    kind: 'POST_HIDDEN',
    message: `Votre message dans « ${short(title)} » a été masqué par la modération : ${reason}`,
    url: threadUrl(threadId, postId),
  }),
};
