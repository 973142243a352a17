/**
 * The scatter plot's data as its loader (src/lib/chart-data.ts) makes it and its island draws it. Free of imports
 * beyond types: the chart islands bundle it, and the loader needs no island to name it.
 */
import type { ChartScale } from "./bars.ts";

/** One entry in the plot; `z` (optional) sets the marker size and colour. */
export interface ScatterPoint {
  name: string;
  href: string;
  x: number;
  y: number;
  z?: number | null;
  xError?: [number, number] | null;
  yError?: [number, number] | null;
}

/** One selectable view of the plot. */
export interface ScatterSeries {
  id: string;
  label: string;
  xLabel: string;
  yLabel: string;
  xScale: ChartScale;
  yScale: ChartScale;
  zLabel?: string;
  points: ScatterPoint[];
}
