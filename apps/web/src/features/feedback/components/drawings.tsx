import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_STYLE, CHART_COLORS } from '~/features/dashboard/components/dashboard-format';
import { Fit } from '~/features/dashboard/components/drawings';
import { formatMetric, type Metric } from '../feedback-format';

// The recharts drawings of the Feedback page's charts, loaded with recharts after the page.

const DOMAINS: Record<Metric, [number, number]> = { nps: [-100, 100], csat: [0, 1], ces: [1, 7] };
const TICKS: Record<Metric, number[]> = {
  nps: [-100, -50, 0, 50, 100],
  csat: [0, 0.25, 0.5, 0.75, 1],
  ces: [1, 3, 5, 7],
};

export function MetricBars({
  metric,
  data,
  name,
}: {
  metric: Metric;
  data: { label: string; value: number | null }[];
  name: string | undefined;
}) {
  return (
    <Fit>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
        <XAxis
          {...AXIS_STYLE}
          dataKey="label"
          interval={0}
          tickFormatter={(label: string) => label.split(' ')[0] ?? label}
        />
        <YAxis
          {...AXIS_STYLE}
          domain={DOMAINS[metric]}
          ticks={TICKS[metric]}
          tickFormatter={(v: number) => formatMetric(metric, v)}
          width={40}
        />
        {metric === 'nps' && <ReferenceLine y={0} stroke={CHART_COLORS.axis} />}
        <Tooltip formatter={(v) => formatMetric(metric, typeof v === 'number' ? v : null)} />
        <Bar
          dataKey="value"
          name={name}
          fill={CHART_COLORS.line}
          radius={[3, 3, 0, 0]}
          isAnimationActive={false}
        />
      </BarChart>
    </Fit>
  );
}

const SIDE_COLORS = { audit: '#5c5c55', customer: '#0f7a6b' } as const;

export function BlindSpotBars({
  data,
}: {
  data: { name: string; audit: number | null; customer: number | null }[];
}) {
  return (
    <Fit>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 0, right: 12, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis {...AXIS_STYLE} type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} />
        <YAxis {...AXIS_STYLE} type="category" dataKey="name" width={96} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="audit" name="Auditors" fill={SIDE_COLORS.audit} isAnimationActive={false} />
        <Bar dataKey="customer" name="Customers" fill={SIDE_COLORS.customer} isAnimationActive={false} />
      </BarChart>
    </Fit>
  );
}
