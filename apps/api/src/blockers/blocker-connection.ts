import { ConnectionType } from '../common/pagination/connection';
import { Blocker } from './blocker.entity';

export const BlockerConnection = ConnectionType(Blocker, 'Blocker');
