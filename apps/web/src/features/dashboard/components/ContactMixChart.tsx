import { Card, EmptyState } from '@rapport/ui';
import type { DashboardQuery } from '~/gql/graphql';
import { ChartFrame, lazyDrawing } from './ChartFrame';
import { DASHBOARD_DAYS, formatShare } from './dashboard-format';

export type MemberContactMix = NonNullable<DashboardQuery['contactMix']>[number];

const ContactMixBars = lazyDrawing(() => import('./drawings').then((m) => m.ContactMixBars));

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
      <ContactMixBars data={data} />
    </ChartFrame>
  );
}

/** OWNER only (the API answers FORBIDDEN to staff): the dashboard asks for it, and shows it, for owners. */
export function ContactMixCard({ rows }: { rows: readonly MemberContactMix[] }) {
  return (
    <Card title="Non-sales contacts per member" description={`Last ${DASHBOARD_DAYS} days`}>
      {rows.some((row) => row.total > 0) ? (
        <ContactMixChart rows={rows} />
      ) : (
        <EmptyState
          compact
          title={`No contacts logged in the last ${DASHBOARD_DAYS} days`}
          description="Each member's mix of relationship and sales contacts shows here as the team logs them."
        />
      )}
    </Card>
  );
}
