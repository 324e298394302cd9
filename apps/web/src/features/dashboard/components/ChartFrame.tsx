import {
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactElement,
  type ReactNode,
  Suspense,
} from 'react';

export interface ChartFrameProps {
  /** The drawing (a lazyDrawing); sized to the frame's width and `height`. */
  children: ReactElement;
  height: number;
  /** The chart's text alternative: what a screen reader (and anyone) reads instead of the picture. */
  caption: ReactNode;
  className?: string;
}

/**
 * A drawing from a module fetched on first render: recharts (the largest library) stays out of the
 * page's own chunk, so the page and its captions show first and the drawings fill their frames after.
 */
export function lazyDrawing<P extends object>(
  load: () => Promise<ComponentType<P>>,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: await load() }));
}

/**
 * A chart as a figure: the drawing is hidden from assistive technology (its numbers are in the
 * caption), and it follows the width of its card down to a 375 px phone. The frame keeps its height
 * while the drawing loads: nothing moves when it appears.
 */
export function ChartFrame({ children, height, caption, className }: ChartFrameProps) {
  return (
    <figure className={['dash-chart', className].filter(Boolean).join(' ')}>
      <div className="dash-chart__canvas" style={{ height }} aria-hidden="true">
        <Suspense fallback={null}>{children}</Suspense>
      </div>
      <figcaption className="dash-chart__caption">{caption}</figcaption>
    </figure>
  );
}
