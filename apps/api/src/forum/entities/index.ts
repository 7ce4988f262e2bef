import { ForumCategory } from './category.entity';
import { ForumFlag } from './flag.entity';
import { ModerationLogEntry } from './moderation-log.entity';
import { ForumPostRevision } from './post-revision.entity';
import { ForumPost } from './post.entity';
import { ForumReaction } from './reaction.entity';
import { ForumThreadRead } from './thread-read.entity';
import { ForumThread } from './thread.entity';

export const FORUM_ENTITIES = [ForumCategory, ForumThread, ForumPost, ForumPostRevision, ForumReaction, ForumFlag, ModerationLogEntry, ForumThreadRead];

export { ForumCategory, ForumFlag, ModerationLogEntry, ForumPostRevision, ForumPost, ForumReaction, ForumThreadRead, ForumThread };
