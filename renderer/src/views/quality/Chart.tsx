import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ESM build: the CommonJS one reaches the bundle as a module object, not a component.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsOption } from 'echarts';
import { useEffect, useRef, useState } from 'react';

echarts.use([BarChart, HeatmapChart, LineChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, MarkLineComponent, MarkPointComponent, VisualMapComponent, CanvasRenderer]);

export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

/**
 * One echarts chart (canvas). Its option may depend on the width it gets
 * (category labels are wrapped or shortened to fit theirs, never drawn over
 * each other), measured as the container is laid out and again whenever it
 * changes size. After each render the pixel centre of every bar (and heat-map
 * cell) is written to data-bars, so end-to-end tests can click a bar the way a person would
 * without reading the canvas.
 */
export function Chart({ option, onClick, height = 260, testId }: { option: EChartsOption | ((width: number) => EChartsOption); onClick?: (c: ChartClick) => void; height?: number; testId: string }) {
  const ref = useRef<ReactEChartsCore>(null);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.round(el.clientWidth)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const recordBars = (): void => {
    const chart = ref.current?.getEchartsInstance();
    const el = chart?.getDom();
    if (!chart || !el || chart.isDisposed()) return;
    // echarts fires "finished" from inside setOption too, when it has no option or model yet (a view
    // mounting while data reloads): an exception here would unmount the whole app, so read defensively.
    const option = chart.getOption() as { series?: unknown } | undefined;
    const model = (chart as unknown as { getModel(): { getSeriesByIndex(i: number): { getData(): { getItemLayout(i: number): { x: number; y: number; width: number; height: number } | undefined } } | undefined } | undefined }).getModel();
    if (!option || !model) return;
    const bars: { s: number; i: number; x: number; y: number }[] = [];
    const series = (option.series ?? []) as { type?: string; data?: unknown[] }[];
    series.forEach((s, si) => {
      if (s.type === 'heatmap') {
        // A heat-map cell has no item layout: its centre is where its (x, y) category pair sits.
        (s.data ?? []).forEach((d, di) => {
          const [x, y] = chart.convertToPixel({ seriesIndex: si }, (d as number[]).slice(0, 2)) as number[];
          if (Number.isFinite(x) && Number.isFinite(y)) bars.push({ s: si, i: di, x: Math.round(x), y: Math.round(y) });
        });
        return;
      }
      if (s.type !== 'bar') return;
      const data = model.getSeriesByIndex(si)?.getData();
      (s.data ?? []).forEach((_, di) => {
        const layout = data?.getItemLayout(di);
        if (layout && Math.abs(layout.width) > 0 && Math.abs(layout.height) > 0) bars.push({ s: si, i: di, x: Math.round(layout.x + layout.width / 2), y: Math.round(layout.y + layout.height / 2) });
      });
    });
    el.dataset.bars = JSON.stringify(bars);
  };
  // Without animation a chart may finish drawing before its event handlers are bound: record once the frame is painted too.
  useEffect(() => {
    const frame = requestAnimationFrame(recordBars);
    return () => cancelAnimationFrame(frame);
  });
  return (
    <div className="chart" data-testid={testId} ref={box}>
      {width > 0 && <ReactEChartsCore
        ref={ref}
        echarts={echarts}
        option={typeof option === 'function' ? option(width) : option}
        notMerge
        style={{ height }}
        onEvents={{ click: (p: ChartClick) => onClick?.(p), finished: recordBars }}
        onChartReady={recordBars}
      />}
      {width === 0 && <div style={{ height }} />}
    </div>
  );
}
