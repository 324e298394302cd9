import {
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactElement,
  type ReactNode,
  type RefObject,
  Suspense,
  useEffect,
  useRef,
  useState,
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
 * Whether the element has come near the screen (and stays true). Without IntersectionObserver
 * (jsdom): at once.
 */
function useNearScreen(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: '200px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, ref]);
  return near;
}

/**
 * A chart as a figure: the drawing is hidden from assistive technology (its numbers are in the
 * caption), and it follows the width of its card down to a 375 px phone. The drawing (and recharts)
 * loads once the frame comes near the screen, and the frame keeps its height meanwhile: nothing moves
 * when it appears.
 */
export function ChartFrame({ children, height, caption, className }: ChartFrameProps) {
  const canvas = useRef<HTMLDivElement>(null);
  const near = useNearScreen(canvas);
  return (
    <figure className={['dash-chart', className].filter(Boolean).join(' ')}>
      <div ref={canvas} className="dash-chart__canvas" style={{ height }} aria-hidden="true">
        {near && <Suspense fallback={null}>{children}</Suspense>}
      </div>
      <figcaption className="dash-chart__caption">{caption}</figcaption>
    </figure>
  );
}
