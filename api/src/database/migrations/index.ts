import { Accounts1764390000000 } from './1764390000000-accounts';
import { ProposalBody1764405000000 } from './1764405000000-proposal-body';
import { Collaboration1764410000000 } from './1764410000000-collaboration';
import { NamedVersions1764420000000 } from './1764420000000-named-versions';
import { Proposals1764400000000 } from './1764400000000-proposals';
import { SearchOutbox1764460000000 } from './1764460000000-search-outbox';
import { Evidence1764470000000 } from './1764470000000-evidence';
import { Programs1764480000000 } from './1764480000000-programs';
import { Adoption1764481000000 } from './1764481000000-adoption';
import { Notifications1764490000000 } from './1764490000000-notifications';
import { CommentAnchors1764500000000 } from './1764500000000-comment-anchors';
import { StatusEventEffectiveDay1764510000000 } from './1764510000000-status-event-effective-day';
import { DocumentDerivations1764800000000 } from './1764800000000-document-derivations';
import { LoginThrottleBuckets1765000000000 } from './1765000000000-login-throttle-buckets';
import { AttachmentPii1765200000000 } from './1765200000000-attachment-pii';
import { EventOutbox1765300000000 } from './1765300000000-event-outbox';
import { ProgramClauseFields1765600000000 } from './1765600000000-program-clause-fields';
import { EmailClaimsOutboxFailures1766100000000 } from './1766100000000-email-claims-outbox-failures';

/** Every migration, in order. The same list runs on SQLite and PostgreSQL. */
export const MIGRATIONS = [Accounts1764390000000, Proposals1764400000000, ProposalBody1764405000000, Collaboration1764410000000, NamedVersions1764420000000,
  SearchOutbox1764460000000,
  Evidence1764470000000,
  Programs1764480000000,
  Adoption1764481000000,
  Notifications1764490000000,
  CommentAnchors1764500000000,
  StatusEventEffectiveDay1764510000000,
  DocumentDerivations1764800000000,
  LoginThrottleBuckets1765000000000,
  AttachmentPii1765200000000,
  EventOutbox1765300000000,
  ProgramClauseFields1765600000000,
  EmailClaimsOutboxFailures1766100000000,
];
