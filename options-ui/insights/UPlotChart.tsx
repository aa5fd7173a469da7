import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface UPlotChartProps {
  /** Everything but the size: the chart takes its container's width. */
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height: number;
  testid: string;
}

/**
 * A uPlot chart in a Preact tree: made when mounted, resized with its container, destroyed when
 * unmounted. The canvas is decoration for sighted users; every chart's numbers are also given in text
 * by the component that uses it.
 */
export function UPlotChart({ options, data, height, testid }: UPlotChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(240, Math.floor(el.clientWidth));
    const chart = new uPlot({ ...options, width: width(), height }, data, el);
    // Resizing is batched by the observer; only the width follows the container.
    const ro = new ResizeObserver(() => chart.setSize({ width: width(), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.destroy();
    };
  }, [options, data, height]);
  return <div class="chart" ref={box} aria-hidden="true" data-testid={testid} />;
}

/** Colours that stay apart for the common colour-vision deficiencies (Okabe & Ito); never the only cue. */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;
/** Line dash patterns, one per series, so that lines differ in print and in greyscale. */
export const SERIES_DASHES: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 5], [12, 6]];
export const MARKER_SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross', 'bar', 'ring'] as const;
export type MarkerShape = (typeof MARKER_SHAPES)[number];

/** Draws one marker of `shape` centred on (x, y), canvas pixels. */
export function drawMarker(ctx: CanvasRenderingContext2D, shape: MarkerShape, x: number, y: number, r: number): void {
  ctx.beginPath();
  switch (shape) {
    case 'circle':
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fill();
      return;
    case 'ring':
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.stroke();
      return;
    case 'square':
      ctx.fillRect(x - r, y - r, 2 * r, 2 * r);
      return;
    case 'triangle':
      ctx.moveTo(x, y - r * 1.2);
      ctx.lineTo(x + r * 1.1, y + r);
      ctx.lineTo(x - r * 1.1, y + r);
      ctx.closePath();
      ctx.fill();
      return;
    case 'diamond':
      ctx.moveTo(x, y - r * 1.3);
      ctx.lineTo(x + r * 1.3, y);
      ctx.lineTo(x, y + r * 1.3);
      ctx.lineTo(x - r * 1.3, y);
      ctx.closePath();
      ctx.fill();
      return;
    case 'cross':
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.moveTo(x + r, y - r);
      ctx.lineTo(x - r, y + r);
      ctx.stroke();
      return;
    case 'bar':
      ctx.fillRect(x - r * 1.4, y - r / 2, r * 2.8, r);
      return;
  }
}
