import { useQuery } from '@apollo/client/react';
import { Card, EmptyState } from '@rapport/ui';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import type { ContactMixQuery } from '~/gql/graphql';
import { ContactMixDocument } from '../graphql/dashboard.graphql';
import { ChartFrame } from './ChartFrame';
import { CHART_COLORS, DASHBOARD_DAYS, formatShare } from './dashboard-format';
import { SectionState } from './SectionState';

export type MemberContactMix = ContactMixQuery['contactMix'][number];

/** "4 of 10 contacts", "no contacts". */
function describeCounts(row: MemberContactMix): string {
  if (row.total === 0) return 'no contacts';
  return `${row.relationship} of ${row.total} ${row.total === 1 ? 'contact' : 'contacts'}`;
}

/** "Ada Lovelace: 40% non-sales (4 of 10 contacts)". */
export function describeContactMix(row: MemberContactMix): string {
  if (row.total === 0) return `${row.member.name}: no contacts`;
  return `${row.member.name}: ${formatShare(row.relationshipShare)} non-sales (${describeCounts(row)})`;
}

function shortName(name: string): string {
  return name.length > 14 ? `${name.slice(0, 13)}…` : name;
}

const ROW_HEIGHT = 40;

/** Each member's share of relationship (non-sales) contacts, as horizontal bars with the counts. */
export function ContactMixChart({ rows }: { rows: readonly MemberContactMix[] }) {
  const data = rows.map((row) => ({
    id: row.member.id,
    name: shortName(row.member.name),
    percent: row.relationshipShare == null ? 0 : Math.round(row.relationshipShare * 100),
    label:
      row.total === 0
        ? 'No contacts'
        : `${formatShare(row.relationshipShare)} · ${row.relationship}/${row.total}`,
  }));
  return (
    <ChartFrame
      height={data.length * ROW_HEIGHT + 40}
      caption={
        <>
          <span className="dash-chart__note">
            Share of each member's contacts that were about the relationship, not a sale (non-sales / all).
          </span>
          <ul className="rp-visually-hidden">
            {rows.map((row) => (
              <li key={row.member.id}>{describeContactMix(row)}</li>
            ))}
          </ul>
        </>
      }
    >
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 0, right: 88, bottom: 0, left: 0 }}
        barCategoryGap={10}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickFormatter={(value: number) => `${value}%`}
          tickLine={false}
          axisLine={false}
          tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
        />
        <YAxis
          type="category"
          dataKey="name"
          width={104}
          tickLine={false}
          axisLine={false}
          tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
        />
        <Bar
          dataKey="percent"
          name="Non-sales share"
          fill={CHART_COLORS.line}
          radius={[0, 6, 6, 0]}
          background={{ fill: CHART_COLORS.grid }}
          isAnimationActive={false}
        >
          <LabelList dataKey="label" position="right" fill={CHART_COLORS.axis} fontSize={12} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}

/** OWNER only (the API answers FORBIDDEN to staff): render it for owners, never query it for staff. */
export function ContactMixCard() {
  const { data, loading, error, refetch } = useQuery(ContactMixDocument, {
    variables: { days: DASHBOARD_DAYS },
    fetchPolicy: 'cache-and-network',
  });
  const rows = data?.contactMix;
  return (
    <Card title="Non-sales contacts per member" description={`Last ${DASHBOARD_DAYS} days`}>
      <SectionState
        what="the contact mix"
        loading={loading}
        error={error}
        hasData={!!rows}
        onRetry={() => void refetch()}
      >
        {rows?.some((row) => row.total > 0) ? (
          <ContactMixChart rows={rows} />
        ) : (
          <EmptyState
            compact
            title={`No contacts logged in the last ${DASHBOARD_DAYS} days`}
            description="Each member's mix of relationship and sales contacts shows here as the team logs them."
          />
        )}
      </SectionState>
    </Card>
  );
}
