import { ConnectionType } from '../../common/pagination/connection';
import { ForumFlag, ForumPost, ForumPostRevision, ForumThread, ModerationLogEntry } from '../entities';

export const ThreadConnection = ConnectionType(ForumThread, 'Thread');
export const PostConnection = ConnectionType(ForumPost, 'Post');
export const PostRevisionConnection = ConnectionType(ForumPostRevision, 'PostRevision');
export const PostFlagConnection = ConnectionType(ForumFlag, 'PostFlag');
export const ModerationActionConnection = ConnectionType(ModerationLogEntry, 'ModerationAction');
