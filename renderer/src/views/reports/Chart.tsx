/**
 * A small echarts wrapper: init on mount, setOption on change, resize with its box, dispose on
 * unmount. Re-created when the theme flips so dark mode gets echarts' dark palette. Only the chart
 * types the reports use are registered, which keeps the bundle small.
 */
import { useEffect, useRef } from 'react';
import { init, use as registerEchartsParts, type EChartsType } from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import { useIsDark } from '../accounts/helpers';
import { useReducedMotion } from '../../lib/use-settings';
import type { ChartOption } from './chart-types';

export type { ChartOption };

registerEchartsParts([BarChart, LineChart, PieChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, LabelLayout, CanvasRenderer]);

/** A click on a slice, bar or point hands over the data item it was drawn from. */
export type ChartClick = (data: unknown) => void;

export function Chart({ option, label, height = 300, onClick }: { option: ChartOption; label: string; height?: number; onClick?: ChartClick }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const dark = useIsDark();
  const reducedMotion = useReducedMotion();
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, dark ? 'dark' : undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => click.current?.(params.data));
    // Marks the box once echarts has drawn the last option and its animation is over, so a
    // screenshot (or a person's tool) can wait for the picture, not for time.
    instance.on('finished', () => {
      element.dataset.drawn = 'true';
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [dark]);

  useEffect(() => {
    if (box.current) box.current.dataset.drawn = 'false';
    chart.current?.setOption({ backgroundColor: 'transparent', aria: { enabled: true }, animation: !reducedMotion, ...option }, { notMerge: true });
  }, [option, dark, reducedMotion]);

  // echarts' aria module writes its own description onto the chart's element, so the label sits on a wrapper.
  return (
    <div role="img" aria-label={label}>
      <div ref={box} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} />
    </div>
  );
}
