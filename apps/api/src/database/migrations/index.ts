import { Foundation1764000000000 } from './1764000000000-foundation';
import { Relationships1764200000000 } from './1764200000000-relationships';
import { AuditsAndFriction1764300000000 } from './1764300000000-audits-and-friction';
import { Feedback1764400000000 } from './1764400000000-feedback';
import { SessionsAndRemoval1764500000000 } from './1764500000000-sessions-and-removal';
import { IdempotencyKeys1764600000000 } from './1764600000000-idempotency-keys';
import { Versions1764650000000 } from './1764650000000-versions';
import { ChangeHistory1764700000000 } from './1764700000000-change-history';
import { HealthRefreshOrder1764710000000 } from './1764710000000-health-refresh-order';
import { SessionRole1764800000000 } from './1764800000000-session-role';
import { DashboardReads1764810000000 } from './1764810000000-dashboard-reads';
import { HealthPassPerWorkspace1764820000000 } from './1764820000000-health-pass-per-workspace';
import { InteractionFactsIndex1764830000000 } from './1764830000000-interaction-facts-index';
import { ContactDays1764840000000 } from './1764840000000-contact-days';
import { CustomerCounts1764850000000 } from './1764850000000-customer-counts';
import { ContactDaysToday1764860000000 } from './1764860000000-contact-days-today';
import { CustomerCountsPast1764870000000 } from './1764870000000-customer-counts-past';
import { CustomersByBandAndScore1764880000000 } from './1764880000000-customers-by-band-and-score';

/** Every migration, oldest first. Landed migrations are never edited; add a new one. */
export const migrations = [
  Foundation1764000000000,
  Relationships1764200000000,
  AuditsAndFriction1764300000000,
  Feedback1764400000000,
  SessionsAndRemoval1764500000000,
  IdempotencyKeys1764600000000,
  Versions1764650000000,
  ChangeHistory1764700000000,
  HealthRefreshOrder1764710000000,
  SessionRole1764800000000,
  DashboardReads1764810000000,
  HealthPassPerWorkspace1764820000000,
  InteractionFactsIndex1764830000000,
  ContactDays1764840000000,
  CustomerCounts1764850000000,
  ContactDaysToday1764860000000,
  CustomerCountsPast1764870000000,
  CustomersByBandAndScore1764880000000,
];
