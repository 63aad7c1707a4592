import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ReportChartOption } from '../lib/chart-option';
import { ReportChart } from './report-chart';

const { chart, init } = vi.hoisted(() => {
  const chart = { setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() };
  return { chart, init: vi.fn(() => chart) };
});
vi.mock('echarts/core', () => ({ init, use: vi.fn() }));

describe('the ECharts chart', () => {
  it('is made once, given each option whole, and disposed of when it leaves the page', () => {
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe = vi.fn();
        disconnect = vi.fn();
      },
    );
    const first: ReportChartOption = { series: [{ type: 'line', name: 'Spend', data: [1] }] };
    const second: ReportChartOption = { series: [{ type: 'line', name: 'Clicks', data: [2] }] };
    const view = render(<ReportChart option={first} label="Spend by day" />);
    view.rerender(<ReportChart option={second} label="Clicks by day" />);

    expect(init).toHaveBeenCalledTimes(1);
    expect(chart.setOption.mock.calls).toEqual([
      [first, { notMerge: true }],
      [second, { notMerge: true }],
    ]);
    expect(view.getByRole('img', { name: 'Clicks by day' })).toBeTruthy();
    view.unmount();
    expect(chart.dispose).toHaveBeenCalledTimes(1);
  });
});
