import type { HealthBandName } from '@rapport/ui';
import type { ReactElement } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { AXIS_STYLE, BAND_COLORS, CHART_COLORS, formatAxisCount, formatDay } from './dashboard-format';
import type { HealthTrendPoint } from './HealthTrendChart';

// The recharts drawings of the dashboard's charts, loaded with recharts after the page (see lazyDrawing).

/** Sizes a chart to its ChartFrame. */
export function Fit({ children }: { children: ReactElement }) {
  return (
    <ResponsiveContainer width="100%" height="100%" minWidth={0}>
      {children}
    </ResponsiveContainer>
  );
}

export interface BandBar {
  band: HealthBandName;
  label: string;
  count: number;
}

export function BandBars({ data, onSelect }: { data: BandBar[]; onSelect: (band: HealthBandName) => void }) {
  return (
    <Fit>
      <BarChart data={data} margin={{ top: 20, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
        <XAxis {...AXIS_STYLE} dataKey="label" />
        <YAxis {...AXIS_STYLE} allowDecimals={false} tickFormatter={formatAxisCount} width={32} />
        <Tooltip cursor={{ fill: 'rgb(29 29 26 / 0.04)' }} formatter={(value) => [value, 'Customers']} />
        <Bar
          dataKey="count"
          name="Customers"
          radius={[6, 6, 0, 0]}
          maxBarSize={64}
          cursor="pointer"
          isAnimationActive={false}
          onClick={(_, index) => {
            const band = data[index]?.band;
            if (band) onSelect(band);
          }}
        >
          {data.map((d) => (
            <Cell key={d.band} fill={BAND_COLORS[d.band]} />
          ))}
          <LabelList dataKey="count" position="top" fill={CHART_COLORS.axis} fontSize={12} />
        </Bar>
      </BarChart>
    </Fit>
  );
}

function TrendTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as HealthTrendPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="dash-tooltip">
      <p className="dash-tooltip__title">{formatDay(point.day)}</p>
      <p>
        Average health <strong>{Math.round(point.averageScore)}</strong>
      </p>
      <ul className="dash-tooltip__bands">
        <li>
          <span className="dash-legend__swatch dash-legend__swatch--healthy" aria-hidden="true" /> Healthy{' '}
          {point.healthy}
        </li>
        <li>
          <span className="dash-legend__swatch dash-legend__swatch--watch" aria-hidden="true" /> Watch{' '}
          {point.watch}
        </li>
        <li>
          <span className="dash-legend__swatch dash-legend__swatch--at-risk" aria-hidden="true" /> At risk{' '}
          {point.atRisk}
        </li>
      </ul>
    </div>
  );
}

export function HealthTrendLine({ points }: { points: readonly HealthTrendPoint[] }) {
  return (
    <Fit>
      <LineChart
        data={[...points]}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
        <XAxis {...AXIS_STYLE} dataKey="day" tickFormatter={formatDay} minTickGap={24} />
        <YAxis {...AXIS_STYLE} domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} width={32} />
        <Tooltip content={TrendTooltip} />
        <Line
          type="monotone"
          dataKey="averageScore"
          name="Average health"
          stroke={CHART_COLORS.line}
          strokeWidth={2}
          dot={points.length === 1}
          isAnimationActive={false}
        />
      </LineChart>
    </Fit>
  );
}

export interface ContactMixBar {
  id: string;
  name: string;
  percent: number;
  label: string;
}

export function ContactMixBars({ data }: { data: ContactMixBar[] }) {
  return (
    <Fit>
      <BarChart
        data={data}
        layout="vertical"
        margin={{ top: 0, right: 88, bottom: 0, left: 0 }}
        barCategoryGap={10}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis
          {...AXIS_STYLE}
          type="number"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickFormatter={(value: number) => `${value}%`}
        />
        <YAxis {...AXIS_STYLE} type="category" dataKey="name" width={104} />
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
    </Fit>
  );
}
