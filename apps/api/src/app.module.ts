import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { AccessTokensService } from './auth/access-tokens.service';
import { AuthGuard } from './auth/auth.guard';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { LinkTokens } from './auth/link-tokens';
import { RateLimitService } from './auth/rate-limit.service';
import { SecurityLog } from './auth/security-log';
import { SessionsService, sessionToken } from './auth/sessions.service';
import type { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { Db } from './database/db.service';
import { compiledQueriesPlugin, type FormatGraphQLError } from './graphql/compiled-queries.plugin';
import type { RequestContext } from './graphql/context';
import { errorRequestIdsPlugin, requestIdOf, tagWithRequest } from './graphql/error-request-ids';
import { ExpectedErrorsFilter } from './graphql/expected-errors.filter';
import { formatError } from './graphql/format-error';
import { queryLimitRules } from './graphql/limits/query-limits';
import { createLoaders } from './graphql/loaders';
import { scalarsMap } from './graphql/scalars';
import { sharedReadsPlugin } from './graphql/shared-reads.plugin';
import { rethrowWith503IfUnavailable, unavailableStatus } from './graphql/unavailable-status';
import { Draining } from './http/draining';
import { type Logger, LoggerModule } from './logger';
import { AuditsResolver, ObservationsResolver } from './modules/audits/audits.resolver';
import { AuditsService } from './modules/audits/audits.service';
import { TouchpointScoresResolver } from './modules/audits/touchpoint-scores.resolver';
import { CheckInsResolver, CustomerCheckInsResolver } from './modules/check-ins/check-ins.resolver';
import { CheckInsService } from './modules/check-ins/check-ins.service';
import { CustomersResolver } from './modules/customers/customers.resolver';
import { CustomersService } from './modules/customers/customers.service';
import {
  FeedbackReportsResolver,
  FeedbackRequestsResolver,
  FeedbackResponsesResolver,
  SurveysResolver,
} from './modules/feedback/feedback.resolver';
import { FeedbackAnswersService } from './modules/feedback/feedback-answers.service';

import { FeedbackReportsService } from './modules/feedback/feedback-reports.service';
import { FeedbackRequestsService } from './modules/feedback/feedback-requests.service';
import { SurveysService } from './modules/feedback/surveys.service';
import { FrictionResolver } from './modules/friction/friction.resolver';
import { FrictionService } from './modules/friction/friction.service';
import { HealthController } from './modules/health/health.controller';
import {
  CustomerHistoryResolver,
  FieldChangeResolver,
  HistoryResolver,
} from './modules/history/history.resolver';
import { HistoryService } from './modules/history/history.service';
import {
  CustomerInteractionsResolver,
  InteractionsResolver,
} from './modules/interactions/interactions.resolver';
import { InteractionsService } from './modules/interactions/interactions.service';
import { MembersResolver } from './modules/members/members.resolver';
import { MembersService } from './modules/members/members.service';
import { CustomerStateService } from './modules/relationship-health/customer-state.service';
import { HealthReportsResolver, StoredHealthResolver } from './modules/relationship-health/health.resolver';
import { HealthJobs, JOBS_OPTIONS, type JobsOptions } from './modules/relationship-health/health-jobs';
import { HealthReportsService } from './modules/relationship-health/health-reports.service';
import { CustomerTimelineResolver } from './modules/timeline/timeline.resolver';
import { TimelineService } from './modules/timeline/timeline.service';
import { TouchpointsResolver } from './modules/touchpoints/touchpoints.resolver';
import { TouchpointsService } from './modules/touchpoints/touchpoints.service';
import { WorkspacesResolver } from './modules/workspaces/workspaces.resolver';
import { WorkspacesService } from './modules/workspaces/workspaces.service';

/** Every resolver; the schema printer reads the same list, so the committed schema matches the served one. */
export const resolvers = [
  AuthResolver,
  MembersResolver,
  WorkspacesResolver,
  CustomersResolver,
  TouchpointsResolver,
  InteractionsResolver,
  CustomerInteractionsResolver,
  CheckInsResolver,
  CustomerCheckInsResolver,
  StoredHealthResolver,
  HealthReportsResolver,
  CustomerTimelineResolver,
  AuditsResolver,
  ObservationsResolver,
  TouchpointScoresResolver,
  FrictionResolver,
  SurveysResolver,
  FeedbackRequestsResolver,
  FeedbackResponsesResolver,
  FeedbackReportsResolver,
  HistoryResolver,
  FieldChangeResolver,
  CustomerHistoryResolver,
];

const services = [
  AuthService,
  SessionsService,
  SecurityLog,
  RateLimitService,
  AccessTokensService,
  MembersService,
  WorkspacesService,
  CustomersService,
  TouchpointsService,
  CustomerStateService,
  InteractionsService,
  CheckInsService,
  HealthReportsService,
  TimelineService,
  FrictionService,
  AuditsService,
  LinkTokens,
  SurveysService,
  FeedbackRequestsService,
  FeedbackAnswersService,
  FeedbackReportsService,
  HistoryService,
];

/** The services, shared by the GraphQL context factory and the resolvers. */
@Module({ providers: services, exports: services })
class ServicesModule {}

@Module({})
export class AppModule {
  static create(
    config: AppConfig,
    dataSource: DataSource,
    logger: Logger,
    jobs: JobsOptions | null,
    draining: Draining,
  ): DynamicModule {
    const formatGraphQLError: FormatGraphQLError = (formatted, error) =>
      formatError(
        formatted,
        error,
        (internal) => {
          const requestId = requestIdOf(internal);
          logger.error({ err: internal, requestId }, 'unhandled error in a GraphQL operation');
          return requestId;
        },
        { hideSuggestions: config.production },
      );
    return {
      module: AppModule,
      imports: [
        ConfigModule.forConfig(config),
        LoggerModule.forLogger(logger),
        DatabaseModule.forDataSource(dataSource),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [ServicesModule],
          inject: [SessionsService, Db],
          useFactory: (sessions: SessionsService, db: Db) => ({
            autoSchemaFile: true,
            buildSchemaOptions: { scalarsMap },
            sortSchema: true,
            playground: false,
            csrfPrevention: true,
            // One operation per request: a JSON array of operations is refused (400), so the
            // per-document limits cannot be multiplied by batching documents into one request.
            allowBatchedHttpRequests: false,
            // Off in production: no client needs it at run time (the web app is typed from
            // schema.graphql at build time), and it would map the API for anyone probing it.
            introspection: !config.production,
            // Per-field cache hints would wrap every resolver (Rapport sends none): off.
            plugins: [
              unavailableStatus,
              errorRequestIdsPlugin,
              sharedReadsPlugin(db),
              compiledQueriesPlugin(formatGraphQLError),
              ApolloServerPluginCacheControlDisabled() as typeof unavailableStatus,
            ],
            // Nest would reset every answer with data to HTTP 200, undoing unavailableStatus's 503.
            preserveHttpStatusForExecutionErrors: false,
            includeStacktraceInErrorResponses: false,
            validationRules: queryLimitRules,
            context: async ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> => {
              const actor = await sessions.resolve(sessionToken(req)).catch((error: unknown) => {
                tagWithRequest([error], req.id);
                return rethrowWith503IfUnavailable(error);
              });
              const context = { req, res, requestId: req.id, actor } as RequestContext;
              context.loaders = createLoaders(db, context);
              return context;
            },
            formatError: formatGraphQLError,
            // Nest would turn its own HTTP exceptions into errors before formatGraphQLError; the app
            // throws none, and compiled queries format with formatGraphQLError alone: one formatter.
            autoTransformHttpErrors: false,
          }),
        }),
        ServicesModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ExpectedErrorsFilter },
        { provide: JOBS_OPTIONS, useValue: jobs },
        { provide: Draining, useValue: draining },
        HealthJobs,
        ...resolvers,
      ],
    };
  }
}
