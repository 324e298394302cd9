/**
 * Mocked API answers for the dashboard's tests (not a test file itself). Charts need a size, and
 * jsdom has no layout: `mockResizeObserver()` makes ResponsiveContainer see a fixed one.
 */
import type { MockLink } from '@apollo/client/testing';
import type { HealthBand } from '~/gql/graphql';
import { graphqlError, ownerMember, staffMember } from '~/test/render';
import { dashboardVariables } from './dashboard-answer';
import { DashboardDocument } from './graphql/dashboard.graphql';

type Mock = MockLink.MockedResponse;

const DAY_MS = 24 * 60 * 60 * 1000;

/** An ISO time `days` (and an hour) before now: `days` whole days overdue. */
export function daysAgo(days: number): string {
  return new Date(Date.now() - days * DAY_MS - 60 * 60 * 1000).toISOString();
}

export function customerId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

const owner = { __typename: 'Member' as const, id: ownerMember.id, name: ownerMember.name };

export function overdueCustomer(
  n: number,
  {
    days = n,
    ownerName,
    lastContactDaysAgo,
  }: { days?: number; ownerName?: string | null; lastContactDaysAgo?: number } = {},
) {
  return {
    __typename: 'Customer' as const,
    id: customerId(n),
    name: `Customer ${n}`,
    nextCheckInDueAt: daysAgo(days),
    lastRelationshipContactAt: lastContactDaysAgo == null ? null : daysAgo(lastContactDaysAgo),
    owner: ownerName === null ? null : { ...owner, name: ownerName ?? owner.name },
    health: {
      __typename: 'RelationshipHealth' as const,
      score: 55,
      band: 'WATCH' as HealthBand,
    },
  };
}

export function atRiskCustomer(n: number, score: number, nextBestAction: string) {
  return {
    __typename: 'Customer' as const,
    id: customerId(n),
    name: `Customer ${n}`,
    owner,
    health: {
      __typename: 'RelationshipHealth' as const,
      score,
      band: 'AT_RISK' as HealthBand,
      nextBestAction,
    },
  };
}

export function connection<T extends { id: string }>(nodes: T[], totalCount = nodes.length) {
  return {
    __typename: 'CustomerConnection' as const,
    totalCount,
    edges: nodes.map((node) => ({ __typename: 'CustomerEdge' as const, node })),
  };
}

export interface BandCounts {
  healthy: number;
  watch: number;
  atRisk: number;
  averageScore: number | null;
  checkInsOverdue: number;
}

export interface TrendPoint {
  day: string;
  averageScore: number;
  healthy: number;
  watch: number;
  atRisk: number;
}

export interface ContactMixRow {
  id: string;
  name: string;
  relationship: number;
  total: number;
}

/** What the dashboard's answer holds, section by section (the contact mix only for owners). */
export interface DashboardFixture {
  summary: BandCounts;
  /** The workspace's active customers; by default those of the bands. */
  customers?: number;
  overdue: ReturnType<typeof overdueCustomer>[];
  overdueTotal?: number;
  atRisk: ReturnType<typeof atRiskCustomer>[];
  atRiskTotal?: number;
  trend: TrendPoint[];
  contactMix?: ContactMixRow[];
}

/** The dashboard's query answered with `answer`, for an owner (with the contact mix) or staff. */
export function dashboardMock(answer: DashboardFixture, { isOwner = true } = {}): Mock {
  const { summary, overdue, atRisk, trend, contactMix = [] } = answer;
  return {
    request: { query: DashboardDocument, variables: dashboardVariables(isOwner) },
    result: {
      data: {
        healthSummary: {
          __typename: 'HealthSummary',
          activeCustomers: answer.customers ?? summary.healthy + summary.watch + summary.atRisk,
          ...summary,
        },
        overdueCustomers: connection(overdue, answer.overdueTotal),
        healthTrend: trend.map((point) => ({ __typename: 'HealthTrendPoint', ...point })),
        atRiskCustomers: connection(atRisk, answer.atRiskTotal),
        ...(isOwner
          ? {
              contactMix: contactMix.map((row) => ({
                __typename: 'MemberContactMix',
                member: { __typename: 'Member', id: row.id, name: row.name },
                relationship: row.relationship,
                total: row.total,
                relationshipShare: row.total === 0 ? null : row.relationship / row.total,
              })),
            }
          : {}),
      },
    },
  };
}

/** The dashboard's query failing on the server's side. */
export function dashboardErrorMock({ isOwner = true } = {}): Mock {
  return {
    request: { query: DashboardDocument, variables: dashboardVariables(isOwner) },
    result: { errors: [graphqlError('INTERNAL_SERVER_ERROR', 'boom')] },
  };
}

export const TREND_POINTS = [
  { day: '2025-08-03', averageScore: 61.6, healthy: 8, watch: 5, atRisk: 3 },
  { day: '2025-09-15', averageScore: 57.9, healthy: 7, watch: 5, atRisk: 4 },
  { day: '2025-11-01', averageScore: 68.2, healthy: 12, watch: 4, atRisk: 2 },
];

export const MEMBERS = { owner: ownerMember, staff: staffMember };

/** Makes every ResizeObserver report a fixed content box, so ResponsiveContainer draws in jsdom. */
export function mockResizeObserver(width = 640, height = 320) {
  const original = globalThis.ResizeObserver;
  class FixedSizeResizeObserver {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      this.callback(
        [{ target, contentRect: { width, height } } as unknown as ResizeObserverEntry],
        this as unknown as ResizeObserver,
      );
    }
    unobserve() {}
    disconnect() {}
  }
  globalThis.ResizeObserver = FixedSizeResizeObserver as unknown as typeof ResizeObserver;
  return () => {
    globalThis.ResizeObserver = original;
  };
}
