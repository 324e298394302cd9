/**
 * Mocked API answers for the dashboard's tests (not a test file itself). Charts need a size, and
 * jsdom has no layout: `mockResizeObserver()` makes ResponsiveContainer see a fixed one.
 */
import type { MockLink } from '@apollo/client/testing';
import type { HealthBand } from '~/gql/graphql';
import { graphqlError, ownerMember, staffMember } from '~/test/render';
import { DASHBOARD_DAYS, DASHBOARD_LIST_SIZE } from './components/dashboard-format';
import {
  AtRiskCustomersDocument,
  ContactMixDocument,
  DashboardSummaryDocument,
  HealthTrendDocument,
  OverdueCheckInsDocument,
} from './graphql/dashboard.graphql';

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
      nextBestAction: 'Call them',
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

function connection<T extends { id: string }>(nodes: T[], totalCount = nodes.length) {
  return {
    __typename: 'CustomerConnection' as const,
    totalCount,
    edges: nodes.map((node) => ({ __typename: 'CustomerEdge' as const, node })),
  };
}

export function summaryMock(
  counts: {
    healthy: number;
    watch: number;
    atRisk: number;
    averageScore: number | null;
    checkInsOverdue: number;
  },
  customers = counts.healthy + counts.watch + counts.atRisk,
): Mock {
  return {
    request: { query: DashboardSummaryDocument },
    result: {
      data: {
        customers: { __typename: 'CustomerConnection', totalCount: customers },
        healthSummary: { __typename: 'HealthSummary', ...counts },
      },
    },
  };
}

export function trendMock(
  points: { day: string; averageScore: number; healthy: number; watch: number; atRisk: number }[],
): Mock {
  return {
    request: { query: HealthTrendDocument, variables: { days: DASHBOARD_DAYS } },
    result: { data: { healthTrend: points.map((p) => ({ __typename: 'HealthTrendPoint', ...p })) } },
  };
}

export function contactMixMock(
  rows: { id: string; name: string; relationship: number; total: number }[],
  variables: Mock['request']['variables'] = { days: DASHBOARD_DAYS },
): Mock {
  return {
    request: { query: ContactMixDocument, variables },
    result: {
      data: {
        contactMix: rows.map((r) => ({
          __typename: 'MemberContactMix',
          member: { __typename: 'Member', id: r.id, name: r.name },
          relationship: r.relationship,
          total: r.total,
          relationshipShare: r.total === 0 ? null : r.relationship / r.total,
        })),
      },
    },
  };
}

export function overdueMock(nodes: ReturnType<typeof overdueCustomer>[], totalCount = nodes.length): Mock {
  return {
    request: { query: OverdueCheckInsDocument, variables: { first: DASHBOARD_LIST_SIZE } },
    result: { data: { customers: connection(nodes, totalCount) } },
  };
}

export function atRiskMock(nodes: ReturnType<typeof atRiskCustomer>[], totalCount = nodes.length): Mock {
  return {
    request: { query: AtRiskCustomersDocument, variables: { first: DASHBOARD_LIST_SIZE } },
    result: { data: { customers: connection(nodes, totalCount) } },
  };
}

export function errorMock(query: Mock['request']['query'], variables?: Record<string, unknown>): Mock {
  return {
    request: { query, ...(variables ? { variables } : {}) },
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
