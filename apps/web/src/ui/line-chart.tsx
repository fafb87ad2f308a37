import { RefObject, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { DataTable } from './data-table';

export interface ChartSeries {
  key: string;
  label: string;
  /** One value per category; null leaves a gap in the line. */
  values: (number | null)[];
}

interface Props {
  /** The chart's accessible name and the caption of its table. */
  title: string;
  /** What the chart shows (read by screen readers with the name). */
  description: string;
  /** The x axis: one label per point, in order. */
  categories: string[];
  series: ChartSeries[];
  /** Header of the table's first column (e.g. "Period"). */
  categoryHeader: string;
  /** The label that opens the table of the same numbers. */
  tableLabel: string;
  fractionDigits?: number;
}

/** Up to four series told apart by line pattern and marker shape as well as colour (not colour alone). */
const STYLES = [
  { colour: '#0b5cad', dash: undefined, marker: 'circle' },
  { colour: '#a34700', dash: '7 4', marker: 'square' },
  { colour: '#1e6b34', dash: '2 3', marker: 'triangle' },
  { colour: '#6b3fa0', dash: '10 3 2 3', marker: 'diamond' },
] as const;

const FONT_PX = 12;
// Inline so the chart carries its own look wherever it is used; colours are the app's variables.
const AXIS = { stroke: 'var(--line)' };
const GRID = { stroke: 'var(--faint)' };
const LABEL = { fill: 'var(--muted)' };
const LEGEND = { listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: '.25rem 1.25rem', padding: 0, margin: '.5rem 0' } as const;
/** A rough width of one character of the axis labels, to leave them room without measuring text. */
const CHAR_PX = 7;

/**
 * A small SVG line chart: an image with a name and description, y ticks and x labels in the user's
 * locale, a legend, and the same numbers in a table for those who cannot read the picture.
 */
export function LineChart({ title, description, categories, series, categoryHeader, tableLabel, fractionDigits = 0 }: Props) {
  const { format } = useI18n();
  const id = useId();
  const [box, width] = useWidth();
  const height = width < 480 ? 220 : 280;

  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const ticks = niceTicks(Math.max(0, ...values), fractionDigits === 0);
  const tickLabels = ticks.map((v) => format.number(v, Number.isInteger(ticks[1]) ? 0 : fractionDigits));
  // Every x label is centred on its point, so half the longest label is kept free on either side.
  const longest = Math.max(1, ...categories.map((c) => c.length)) * CHAR_PX + 12;
  const margin = { top: 12, right: Math.max(16, longest / 2), bottom: 36, left: Math.max(Math.max(...tickLabels.map((l) => l.length)) * CHAR_PX + 14, longest / 2) };
  const plotWidth = Math.max(width - margin.left - margin.right, 10);
  const plotHeight = height - margin.top - margin.bottom;
  const top = ticks[ticks.length - 1] || 1;
  const x = (i: number) => margin.left + (categories.length > 1 ? (i * plotWidth) / (categories.length - 1) : plotWidth / 2);
  const y = (v: number) => margin.top + plotHeight - (v / top) * plotHeight;
  // Thin the x labels so they never overlap: every n-th one, counted back from the latest period.
  const every = Math.max(1, Math.ceil(longest / (categories.length > 1 ? plotWidth / (categories.length - 1) : plotWidth)));
  // Markers only where they do not crowd; a value with no neighbour always gets one, or it would not show.
  const showMarkers = categories.length < 2 || plotWidth / (categories.length - 1) >= 10;

  return (
    <figure className="line-chart" style={{ margin: 0 }}>
      <div ref={box} className="line-chart-box">
        <svg role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} fontSize={FONT_PX}>
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {ticks.map((tick, i) => (
            <g key={tick}>
              <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} style={i === 0 ? AXIS : GRID} />
              <text x={margin.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" style={LABEL}>
                {tickLabels[i]}
              </text>
            </g>
          ))}
          {categories.map((label, i) =>
            (categories.length - 1 - i) % every === 0 ? (
              <g key={i}>
                <line x1={x(i)} x2={x(i)} y1={margin.top + plotHeight} y2={margin.top + plotHeight + 5} style={AXIS} />
                <text x={x(i)} y={margin.top + plotHeight + 18} textAnchor="middle" style={LABEL}>
                  {label}
                </text>
              </g>
            ) : null,
          )}
          {series.map((s, n) => {
            const style = STYLES[n % STYLES.length];
            return (
              <g key={s.key} stroke={style.colour} fill={style.colour}>
                {segments(s.values).map((segment, k) => (
                  <polyline key={k} fill="none" strokeWidth={2.5} strokeDasharray={style.dash} points={segment.map((i) => `${x(i)},${y(s.values[i] as number)}`).join(' ')} />
                ))}
                {s.values.map((v, i) => (v === null || !(showMarkers || isolated(s.values, i)) ? null : <Marker key={i} shape={style.marker} cx={x(i)} cy={y(v)} />))}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <ul className="chart-legend" style={LEGEND}>
          {series.map((s, n) => {
            const style = STYLES[n % STYLES.length];
            return (
              <li key={s.key} style={{ display: 'inline-flex', alignItems: 'center', gap: '.4rem' }}>
                <svg aria-hidden="true" width="36" height="14" viewBox="0 0 36 14" stroke={style.colour} fill={style.colour}>
                  <line x1="1" x2="35" y1="7" y2="7" strokeWidth={2.5} strokeDasharray={style.dash} />
                  <Marker shape={style.marker} cx={18} cy={7} />
                </svg>
                {s.label}
              </li>
            );
          })}
        </ul>
      </figcaption>
      <details className="chart-table">
        <summary>{tableLabel}</summary>
        <DataTable
          caption={title}
          rows={categories.map((_, i) => i)}
          rowKey={(i) => String(i)}
          columns={[
            { key: 'category', header: categoryHeader, cell: (i) => categories[i], sortValue: (i) => i },
            ...series.map((s) => ({
              key: s.key,
              header: s.label,
              numeric: true,
              cell: (i: number) => format.number(s.values[i], fractionDigits),
              sortValue: (i: number) => s.values[i],
            })),
          ]}
        />
      </details>
    </figure>
  );
}

function Marker({ shape, cx, cy }: { shape: string; cx: number; cy: number }) {
  const r = 4;
  if (shape === 'square') return <rect x={cx - r} y={cy - r} width={2 * r} height={2 * r} />;
  if (shape === 'triangle') return <path d={`M${cx},${cy - r - 1}L${cx + r + 1},${cy + r}L${cx - r - 1},${cy + r}Z`} />;
  if (shape === 'diamond') return <path d={`M${cx},${cy - r - 1}L${cx + r + 1},${cy}L${cx},${cy + r + 1}L${cx - r - 1},${cy}Z`} />;
  return <circle cx={cx} cy={cy} r={r} />;
}

const isolated = (values: (number | null)[], i: number) => (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null;

/** Runs of indexes with a value: a null breaks the line rather than dropping it to zero. */
function segments(values: (number | null)[]): number[][] {
  const runs: number[][] = [];
  values.forEach((v, i) => {
    if (v === null) return;
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else runs.push([i]);
  });
  return runs;
}

/** Round ticks from zero to just above the largest value (1, 2 or 5 times a power of ten apart). */
export function niceTicks(max: number, integer: boolean, count = 4): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  // Counts get whole-number ticks: 0, 0.5, 1 would print as 0, 1, 1.
  const step = integer ? Math.max(1, nice) : nice;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** The width the chart has, followed as the window or layout changes. */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
