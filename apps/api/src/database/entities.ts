import { Session } from '../accounts/session.entity';
import { User } from '../accounts/user.entity';
import { Territory } from '../territories/territory.entity';
import { AppMeta } from './app-meta.entity';
import { SearchOutbox } from '../search/search-outbox.entity';

/** Every entity, for the data source, the migration check and the CLI scripts. */
export const ENTITIES = [
  AppMeta,
  Territory,
  User,
  Session,
  SearchOutbox,
];
