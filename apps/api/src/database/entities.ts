import { AuditEntity } from '../modules/audits/audit.entity';
import { ObservationEntity } from '../modules/audits/observation.entity';
import { CheckInEntity } from '../modules/check-ins/check-in.entity';
import { CustomerEntity } from '../modules/customers/customer.entity';
import { FeedbackRequestEntity } from '../modules/feedback/feedback-request.entity';
import { FeedbackResponseEntity } from '../modules/feedback/feedback-response.entity';
import { SurveyEntity } from '../modules/feedback/survey.entity';
import { FrictionPointEntity } from '../modules/friction/friction-point.entity';
import { InteractionEntity } from '../modules/interactions/interaction.entity';
import { InvitationEntity } from '../modules/members/invitation.entity';
import { MemberEntity } from '../modules/members/member.entity';
import { TouchpointEntity } from '../modules/touchpoints/touchpoint.entity';
import { WorkspaceEntity } from '../modules/workspaces/workspace.entity';

export const entities = [
  WorkspaceEntity,
  MemberEntity,
  InvitationEntity,
  CustomerEntity,
  TouchpointEntity,
  InteractionEntity,
  CheckInEntity,
  AuditEntity,
  ObservationEntity,
  FrictionPointEntity,
  SurveyEntity,
  FeedbackRequestEntity,
  FeedbackResponseEntity,
];
