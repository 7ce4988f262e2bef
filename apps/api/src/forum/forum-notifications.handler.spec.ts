import { FollowTargetType } from '../notifications/follow-target';
import { Notification } from '../notifications/notification.entity';
import { rolledBack } from '../testing/sqlite-events';
import { sqliteWithNotifications } from '../testing/sqlite-notifications';
import { AnswerAccepted, PostEdited, PostHidden, ReplyPosted, ThreadStarted } from './forum.events';
import { ForumNotificationsHandler } from './forum-notifications.handler';

describe('ForumNotificationsHandler (in the transaction)', () => {
  let db: Awaited<ReturnType<typeof sqliteWithNotifications>>;
  let ana: number, bob: number, cle: number, dan: number;
  const record = (event: ThreadStarted | ReplyPosted | PostEdited | PostHidden | AnswerAccepted) =>
    db.dataSource.transaction((m) => db.events.record(m, event));
  const author = () => ({ id: ana, displayName: 'Ana' });

  beforeEach(async () => {
    db = await sqliteWithNotifications();
    new ForumNotificationsHandler(db.events, db.notifications).onModuleInit();
    [ana, bob, cle, dan] = await db.users('Ana', 'Bob', 'Cle', 'Dan');
  });
  afterEach(() => db.close());

  it('tells the people a reply mentions, then the other followers, never the author nor anyone twice', async () => {
    await db.follow([ana, bob, cle], FollowTargetType.THREAD, 5);
    await record(new ReplyPosted(5, { postId: 9, author: author(), threadTitle: 'Haies', mentionedUserIds: [ana, bob, dan] }));
    expect(await db.told()).toEqual([
      `${bob} MENTION: Ana vous a mentionné·e dans « Haies ». → /forum/sujet/5#message-9`,
      `${dan} MENTION: Ana vous a mentionné·e dans « Haies ». → /forum/sujet/5#message-9`,
      `${cle} REPLY: Ana a répondu dans « Haies ». → /forum/sujet/5#message-9`,
    ]);
  });

  it("opens a project's discussion: mentioned people, then the project's followers; a demo thread tells nobody", async () => {
    await db.follow([bob, cle], FollowTargetType.PROJECT, 3);
    await record(new ThreadStarted(7));
    await record(new ThreadStarted(8, { postId: 11, author: author(), threadTitle: 'Sujet', mentionedUserIds: [bob], project: { id: 3, title: 'Verger' } }));
    expect(await db.told()).toEqual([
      `${bob} MENTION: Ana vous a mentionné·e dans « Sujet ». → /forum/sujet/8#message-11`,
      `${cle} PROJECT_DISCUSSION: Ana a ouvert la discussion du projet « Verger ». → /forum/sujet/8`,
    ]);
  });

  it('tells the people an edit newly mentions once, except the editor, the author, and anyone when the post is hidden', async () => {
    const edit = (addedMentionIds: number[], postHidden = false) =>
      new PostEdited(5, 9, { editor: { id: bob, displayName: 'Bob' }, postAuthorId: ana, threadTitle: 'Haies', addedMentionIds, postHidden });
    await record(edit([cle], true));
    await record(edit([ana, bob, cle]));
    await record(edit([cle, dan]));
    expect(await db.told()).toEqual([
      `${cle} MENTION: Bob vous a mentionné·e dans « Haies ». → /forum/sujet/5#message-9`,
      `${dan} MENTION: Bob vous a mentionné·e dans « Haies ». → /forum/sujet/5#message-9`,
    ]);
  });

  it("tells a hidden post's author why, unless already hidden or hidden by themselves; tells an accepted answer's author", async () => {
    const hidden = (moderatorId: number, wasHidden: boolean) =>
      new PostHidden(5, 9, { moderatorId, postAuthorId: ana, wasHidden, threadTitle: 'Haies', reason: 'hors sujet' });
    await record(hidden(bob, true));
    await record(hidden(ana, false));
    await record(hidden(bob, false));
    await record(new AnswerAccepted(5, 9, { accepter: author(), postAuthorId: ana, threadTitle: 'Haies' }));
    await record(new AnswerAccepted(5, 10, { accepter: author(), postAuthorId: cle, threadTitle: 'Haies' }));
    expect(await db.told()).toEqual([
      `${ana} POST_HIDDEN: Votre message dans « Haies » a été masqué par la modération : hors sujet → /forum/sujet/5#message-9`,
      `${cle} ACCEPTED_ANSWER: Ana a accepté votre réponse dans « Haies ». → /forum/sujet/5#message-10`,
    ]);
  });

  it('writes nothing that outlives a rollback of the reply', async () => {
    await db.follow([bob], FollowTargetType.THREAD, 5);
    await rolledBack(db.dataSource, async (m) => {
      await db.events.record(m, new ReplyPosted(5, { postId: 9, author: author(), threadTitle: 'Haies', mentionedUserIds: [cle] }));
      expect(await m.getRepository(Notification).count()).toBe(2);
    });
    expect(await db.told()).toEqual([]);
  });
});
