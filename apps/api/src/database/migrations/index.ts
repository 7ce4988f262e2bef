import { Foundation1764300000000 } from './1764300000000-foundation';
import { Blockers1764300600000 } from './1764300600000-blockers';
import { BlockerEdit1764300700000 } from './1764300700000-blocker-edit';
import { SearchOutbox1764300001000 } from './1764300001000-search-outbox';
import { Notifications1764300400000 } from './1764300400000-notifications';
import { NotificationGroup1764300800000 } from './1764300800000-notification-group';
import { Forum1764300401000 } from './1764300401000-forum';
import { Wiki1764300100000 } from './1764300100000-wiki';
import { Benchmark1764300500000 } from './1764300500000-benchmark';
import { Seminars1764300300000 } from './1764300300000-seminars';
import { Memberships1764301000000 } from './1764301000000-memberships';
import { Commitments1764301050000 } from './1764301050000-commitments';
import { NotificationActor1764301400000 } from './1764301400000-notification-actor';
import { DataImport1764301500000 } from './1764301500000-data-import';
import { TerritoryShapes1764301600000 } from './1764301600000-territory-shapes';
import { Proconnect1764301200000 } from './1764301200000-proconnect';
import { ProjectDraft1764301800000 } from './1764301800000-project-draft';
import { Mail1764301100000 } from './1764301100000-mail';
import { NotificationMailed1764302200000 } from './1764302200000-notification-mailed';

/** Every migration, in order. Add new ones at the end (never edit one that has shipped). */
export const MIGRATIONS = [
  Foundation1764300000000,
  SearchOutbox1764300001000,
  Notifications1764300400000,
  Forum1764300401000,
  Wiki1764300100000,
  Benchmark1764300500000,
  Seminars1764300300000,
  Blockers1764300600000,
  BlockerEdit1764300700000,
  NotificationGroup1764300800000,
  Memberships1764301000000,
  Commitments1764301050000,
  NotificationActor1764301400000,
  DataImport1764301500000,
  TerritoryShapes1764301600000,
  Proconnect1764301200000,
  ProjectDraft1764301800000,
  Mail1764301100000,
  NotificationMailed1764302200000,
];
