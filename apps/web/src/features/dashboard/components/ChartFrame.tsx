import type { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

export interface ChartFrameProps {
  /** The recharts chart; sized to the frame's width and `height`. */
  children: ReactElement;
  height: number;
  /** The chart's text alternative: what a screen reader (and anyone) reads instead of the picture. */
  caption: ReactNode;
  className?: string;
}

/**
 * A chart as a figure: the drawing is hidden from assistive technology (its numbers are in the
 * caption), and it follows the width of its card down to a 375 px phone.
 */
export function ChartFrame({ children, height, caption, className }: ChartFrameProps) {
  return (
    <figure className={['dash-chart', className].filter(Boolean).join(' ')}>
      <div className="dash-chart__canvas" style={{ height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%" minWidth={0}>
          {children}
        </ResponsiveContainer>
      </div>
      <figcaption className="dash-chart__caption">{caption}</figcaption>
    </figure>
  );
}
