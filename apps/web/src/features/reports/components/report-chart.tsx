import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TooltipComponent } from 'echarts/components';
import { init, use as register, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ReportChartOption } from '../lib/chart-option';

// Only the pieces the chart draws, so its chunk (loaded lazily by currency-chart.tsx) stays a
// fraction of the whole of ECharts.
register([LineChart, GridComponent, TooltipComponent, LegendComponent, MarkAreaComponent, CanvasRenderer]);

interface ReportChartProps {
  option: ReportChartOption;
  /** What the chart shows, for screen readers; the table next to it has the points. */
  label: string;
}

/** The ECharts line chart: made once per mount, given each new option whole, disposed on unmount. */
export function ReportChart({ option, label }: ReportChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);

  useEffect(() => {
    const container = containerRef.current!;
    const chart = init(container);
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a series left out (compare turned off) must go, not linger from the option before.
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={containerRef} className="report-chart" role="img" aria-label={label} />;
}
