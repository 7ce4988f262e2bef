import { Foundation1764300000000 } from './1764300000000-foundation';
import { SearchOutbox1764300001000 } from './1764300001000-search-outbox';

/** Every migration, in order. Add new ones at the end (never edit one that has shipped). */
export const MIGRATIONS = [
  Foundation1764300000000,
  SearchOutbox1764300001000,
];
