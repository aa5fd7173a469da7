import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import { dayStartMs, type WeekPoint } from '../../src/schema/insights';
import { drawMarker, MARKER_SHAPES, SERIES_COLORS, SERIES_DASHES, UPlotChart, type MarkerShape } from './UPlotChart';

export interface TrendSeries {
  label: string;
  points: readonly WeekPoint[];
}

const styleOf = (i: number) => ({
  color: SERIES_COLORS[i % SERIES_COLORS.length] as string,
  dash: SERIES_DASHES[i % SERIES_DASHES.length] as number[],
  shape: MARKER_SHAPES[i % MARKER_SHAPES.length] as MarkerShape,
});

/** A legend sample: the series' line dash and marker, drawn with SVG (no text from data inside). */
function Sample({ i }: { i: number }) {
  const s = styleOf(i);
  const r = 4;
  const marker = (() => {
    switch (s.shape) {
      case 'circle':
        return <circle cx="16" cy="7" r={r} fill={s.color} />;
      case 'ring':
        return <circle cx="16" cy="7" r={r} fill="none" stroke={s.color} stroke-width="2" />;
      case 'square':
        return <rect x={16 - r} y={7 - r} width={2 * r} height={2 * r} fill={s.color} />;
      case 'triangle':
        return <polygon points="16,2 21,11 11,11" fill={s.color} />;
      case 'diamond':
        return <polygon points="16,1 22,7 16,13 10,7" fill={s.color} />;
      case 'cross':
        return <path d="M12 3 L20 11 M20 3 L12 11" stroke={s.color} stroke-width="2" />;
      case 'bar':
        return <rect x="10" y="5" width="12" height="4" fill={s.color} />;
    }
  })();
  return (
    <svg width="32" height="14" aria-hidden="true" class="legend-sample">
      <line x1="0" y1="7" x2="32" y2="7" stroke={s.color} stroke-width="2" stroke-dasharray={s.dash.join(' ')} />
      {marker}
    </svg>
  );
}

/**
 * Weekly counts, one line per series. Each series differs by colour, by line dash and by marker shape,
 * and the legend names it in words; the numbers are in a table below the chart.
 */
export function TrendChart({ id, title, series, unit }: { id: string; title: string; series: readonly TrendSeries[]; unit: string }) {
  const { data, weeks } = useMemo(() => {
    const weeks = [...new Set(series.flatMap((s) => s.points.map((p) => p.weekStart)))].sort();
    const x = weeks.map((w) => dayStartMs(w) / 1000);
    const ys = series.map((s) => {
      const by = new Map(s.points.map((p) => [p.weekStart, p.value]));
      return weeks.map((w) => by.get(w) ?? null);
    });
    return { data: [x, ...ys] as uPlot.AlignedData, weeks };
  }, [series]);

  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] } },
      axes: [
        { values: (_u, splits) => splits.map((s) => new Date(s * 1000).toISOString().slice(5, 10)) },
        { label: unit, size: 56 },
      ],
      series: [
        {},
        ...series.map((s, i) => {
          const st = styleOf(i);
          return {
            label: s.label,
            stroke: st.color,
            width: 2,
            dash: st.dash,
            points: {
              // A function that draws returns nothing: uPlot then draws no round points of its own.
              show: (u: uPlot, si: number, i0: number, i1: number) => {
                const ctx = u.ctx;
                ctx.save();
                ctx.fillStyle = st.color;
                ctx.strokeStyle = st.color;
                ctx.lineWidth = 2 * devicePixelRatio;
                for (let k = i0; k <= i1; k++) {
                  const v = u.data[si]?.[k];
                  const xv = u.data[0][k];
                  if (v === null || v === undefined || xv === undefined) continue;
                  drawMarker(ctx, st.shape, u.valToPos(xv, 'x', true), u.valToPos(v, 'y', true), 4 * devicePixelRatio);
                }
                ctx.restore();
                return undefined;
              },
            },
          };
        }),
      ],
    }),
    [series, unit],
  );

  if (weeks.length === 0) return <p class="empty">No weekly data in this range.</p>;
  return (
    <figure class="chart-figure" data-testid={`${id}-trend`}>
      <figcaption class="chart-title">{title}</figcaption>
      <ul class="chart-legend">
        {series.map((s, i) => (
          <li key={s.label}>
            <Sample i={i} /> {s.label}
          </li>
        ))}
      </ul>
      <UPlotChart options={options} data={data} height={220} testid={`${id}-trend-chart`} />
      <details class="chart-data">
        <summary>The numbers</summary>
        <div class="table-wrap">
          <table class="table">
            <caption class="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                {series.map((s) => (
                  <th key={s.label} scope="col" class="num">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeks.map((w, k) => (
                <tr key={w}>
                  <th scope="row">{w}</th>
                  {series.map((s, si) => (
                    <td key={s.label} class="num">
                      {data[si + 1]?.[k] ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
