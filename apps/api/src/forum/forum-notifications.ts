import type { NotificationPayload } from '../notifications/follow-target';

/** French texts and links of the forum's notifications. */
const short = (title: string) => (title.length > 80 ? `${title.slice(0, 79)}…` : title);

export const threadUrl = (threadId: number, postId?: number) => `/forum/sujet/${threadId}${postId ? `#message-${postId}` : ''}`;

export const forumNotifications = {
  reply: (author: string, title: string, threadId: number, postId: number): NotificationPayload => ({
    kind: 'REPLY',
    message: `${author} a répondu dans « ${short(title)} ».`,
    url: threadUrl(threadId, postId),
  }),
  mention: (author: string, title: string, threadId: number, postId: number): NotificationPayload => ({
    kind: 'MENTION',
    message: `${author} vous a mentionné·e dans « ${short(title)} ».`,
    url: threadUrl(threadId, postId),
  }),
  accepted: (author: string, title: string, threadId: number, postId: number): NotificationPayload => ({
    kind: 'ACCEPTED_ANSWER',
    message: `${author} a accepté votre réponse dans « ${short(title)} ».`,
    url: threadUrl(threadId, postId),
  }),
  projectDiscussion: (author: string, projectTitle: string, threadId: number): NotificationPayload => ({
    kind: 'PROJECT_DISCUSSION',
    message: `${author} a ouvert la discussion du projet « ${short(projectTitle)} ».`,
    url: threadUrl(threadId),
  }),
  hidden: (title: string, threadId: number, postId: number, reason: string): NotificationPayload => ({
    kind: 'POST_HIDDEN',
    message: `Votre message dans « ${short(title)} » a été masqué par la modération : ${reason}`,
    url: threadUrl(threadId, postId),
  }),
};
