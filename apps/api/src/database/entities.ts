import { Session } from '../accounts/session.entity';
import { UserIdentity } from '../accounts/proconnect/user-identity.entity';
import { BlockerEvent } from '../blockers/blocker-event.entity';
import { Blocker } from '../blockers/blocker.entity';
import { User } from '../accounts/user.entity';
import { LoginThrottle } from '../accounts/login-throttle.entity';
import { Membership } from '../accounts/memberships/membership.entity';
import { TerritoryEmailDomain } from '../accounts/memberships/email-domain.entity';
import { Territory } from '../territories/territory.entity';
import { AppMeta } from './app-meta.entity';
import { SearchOutbox } from '../search/search-outbox.entity';
import { Follow } from '../notifications/follow.entity';
import { Notification } from '../notifications/notification.entity';
import { FORUM_ENTITIES } from '../forum/entities';
import { Page } from '../wiki/page.entity';
import { Project } from '../wiki/project.entity';
import { WikiLink } from '../wiki/wiki-link.entity';
import { WikiRevision } from '../wiki/wiki-revision.entity';
import { Indicator } from '../benchmark/indicator.entity';
import { IndicatorValue } from '../benchmark/indicator-value.entity';
import { MaturityAssessment } from '../benchmark/maturity-assessment.entity';
import { PeerList } from '../benchmark/peer-list.entity';
import { SEMINAR_ENTITIES } from '../seminars/entities';
import { Commitment } from '../commitments/commitment.entity';
import { CommitmentProject } from '../commitments/commitment-link.entity';
import { CommitmentMilestone } from '../commitments/milestone.entity';
import { DataGouvOrganisation } from '../data-import/data-gouv-organisation.entity';
import { DataImport } from '../data-import/data-import.entity';
import { TerritoryShape } from '../maps/territory-shape.entity';
import { MAIL_ENTITIES } from '../mail/mail.entities';

/** Every entity, for the data source, the migration check and the CLI scripts. */
export const ENTITIES = [
  AppMeta,
  Territory,
  User,
  Session,
  Membership,
  TerritoryEmailDomain,
  LoginThrottle,
  SearchOutbox,
  Follow,
  Notification,
  ...FORUM_ENTITIES,
  Project,
  Page,
  WikiRevision,
  WikiLink,
  Indicator,
  IndicatorValue,
  MaturityAssessment,
  PeerList,
  ...SEMINAR_ENTITIES,
  Blocker,
  BlockerEvent,
  Commitment,
  CommitmentProject,
  CommitmentMilestone,
  DataImport,
  DataGouvOrganisation,
  TerritoryShape,
  UserIdentity,
  ...MAIL_ENTITIES,
];
