import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { AdoptionRate } from './graphql';
import { chartTestId, tableTestId, type DashboardDimension } from './testids';
import type { DashboardText } from './useDashboardText';

// Only the pieces the dashboard draws, so the chunk stays small.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export const ratePercent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

interface RateChartProps {
  dimension: DashboardDimension;
  title: string;
  rows: AdoptionRate[];
  isEnglish: boolean;
  t: DashboardText;
}

/**
 * Submitted and adopted suggestions as bars, the adoption rate as a line, and the same numbers as a
 * table beside it: the chart is hidden from screen readers, the table is what they read.
 */
export function RateChart({ dimension, title, rows, isEnglish, t }: RateChartProps) {
  const chartRef = useRef<HTMLDivElement>(null);
  const labelOf = (row: AdoptionRate) => (isEnglish ? row.labelEn : row.label);

  useEffect(() => {
    const element = chartRef.current;
    if (!element || rows.length === 0) return;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 48, top: 36, bottom: 56 },
      xAxis: { type: 'category', data: rows.map((r) => (isEnglish ? r.labelEn : r.label)), axisLabel: { interval: 0, rotate: rows.length > 2 ? 25 : 0, width: 110, overflow: 'truncate' } },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { name: t('charts.submitted'), type: 'bar', data: rows.map((r) => r.submitted) },
        { name: t('charts.adopted'), type: 'bar', data: rows.map((r) => r.adopted) },
        {
          name: t('charts.rate'),
          type: 'line',
          yAxisIndex: 1,
          data: rows.map((r) => (r.rate === null ? null : Math.round(r.rate * 1000) / 10)),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, isEnglish, t]);

  return (
    <section className="dashboard-chart-card" aria-labelledby={`dashboard-${dimension}-title`}>
      <h2 id={`dashboard-${dimension}-title`}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('charts.empty')}</p>
      ) : (
        <div className="dashboard-chart-pair">
          <div className="dashboard-chart" ref={chartRef} aria-hidden="true" data-testid={chartTestId(dimension)} />
          <table className="dashboard-table" data-testid={tableTestId(dimension)}>
            <caption className="visually-hidden">{t('charts.tableCaption', { title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('charts.name')}</th>
                <th scope="col">{t('charts.submitted')}</th>
                <th scope="col">{t('charts.adopted')}</th>
                <th scope="col">{t('charts.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key ?? 'none'} data-key={row.key ?? ''}>
                  <th scope="row">{labelOf(row)}</th>
                  <td>{row.submitted}</td>
                  <td>{row.adopted}</td>
                  <td>{ratePercent(row.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
