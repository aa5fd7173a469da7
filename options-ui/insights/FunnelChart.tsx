import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';
import type { FlowInsight } from '../../src/schema/insights';
import { formatRate } from './formatInsight';
import { funnelStages } from './funnelStages';
import { SERIES_COLORS, UPlotChart } from './UPlotChart';

const BAR = SERIES_COLORS[0];
const DROP = SERIES_COLORS[1];

/**
 * The funnel as bars. The drop-off step is marked three ways: hatched, labelled "▼ drop-off" under its
 * bar, and named in the caption; every bar carries its count, so no reading depends on colour.
 */
export function FunnelChart({ flow }: { flow: FlowInsight }) {
  const stages = useMemo(() => funnelStages(flow), [flow]);
  const data = useMemo<uPlot.AlignedData>(() => [stages.map((_, i) => i), stages.map((s) => s.users)], [stages]);
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(() => {
    const rects: { left: number; top: number; width: number; height: number }[] = [];
    return {
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, stages.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.15))] } },
      axes: [
        {
          splits: () => stages.map((_, i) => i),
          values: (_u, splits) => splits.map((i) => {
            const s = stages[i];
            if (!s) return '';
            const short = s.label.length > 18 ? `${s.label.slice(0, 17)}…` : s.label;
            return s.dropOff ? `▼ ${short}` : short;
          }),
          size: 44,
          gap: 6,
        },
        { label: 'People', size: 56 },
      ],
      series: [
        {},
        {
          label: 'People',
          fill: BAR,
          stroke: BAR,
          paths: uPlot.paths.bars?.({ size: [0.6, 120], each: (_u, _si, idx, left, top, width, height) => void (rects[idx] = { left, top, width, height }) }),
          points: { show: false },
        },
      ],
      hooks: {
        draw: [
          (u: uPlot) => {
            const ctx = u.ctx;
            const px = devicePixelRatio;
            ctx.save();
            stages.forEach((s, i) => {
              const r = rects[i];
              if (!r) return;
              if (s.dropOff) {
                // Hatching over the bar: the drop-off reads in greyscale too.
                ctx.save();
                ctx.beginPath();
                ctx.rect(r.left, r.top, r.width, r.height);
                ctx.clip();
                ctx.fillStyle = DROP;
                ctx.fillRect(r.left, r.top, r.width, r.height);
                ctx.strokeStyle = '#fff';
                ctx.lineWidth = 2 * px;
                for (let x = r.left - r.height; x < r.left + r.width; x += 8 * px) {
                  ctx.moveTo(x, r.top + r.height);
                  ctx.lineTo(x + r.height, r.top);
                }
                ctx.stroke();
                ctx.restore();
              }
              ctx.fillStyle = '#1f2933';
              ctx.font = `${12 * px}px system-ui, sans-serif`;
              ctx.textAlign = 'center';
              ctx.fillText(String(s.users), r.left + r.width / 2, r.top - 4 * px);
            });
            ctx.restore();
          },
        ],
      },
    };
  }, [stages]);

  const drop = flow.steps.find((s) => s.stepId === flow.dropOffStepId);
  return (
    <figure class="chart-figure" data-testid="funnel">
      <figcaption class="chart-title" data-testid="funnel-caption">
        Funnel of “{flow.name ?? flow.flowId}”: {flow.started} started, {flow.completed} completed ({formatRate(flow.completionRate)}).{' '}
        {drop ? (
          <strong>
            ▼ Most people are lost at step {drop.index + 1} “{drop.title ?? drop.stepId}”: {drop.dropped} of {drop.reached} stop there ({formatRate(drop.dropRate)}).
          </strong>
        ) : (
          'No step loses anyone.'
        )}
      </figcaption>
      <UPlotChart options={options} data={data} height={260} testid="funnel-chart" />
      <ol class="sr-only">
        {stages.map((s) => (
          <li key={s.label}>
            {s.label}: {s.users} people{s.dropOff ? ' (drop-off step)' : ''}
          </li>
        ))}
      </ol>
    </figure>
  );
}
