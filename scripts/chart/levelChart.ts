import type { Assessment } from "../level/types.ts";
import { levelStretches, type LevelStretch } from "../level/levelStretches.ts";
import { levelBands, levelY, type LevelBand } from "./levelBands.ts";
import { changeMarkers, type ChangeMarker } from "./changeMarkers.ts";
import { stepPath } from "./stepPath.ts";
import { timeScale } from "./timeScale.ts";
import { timeTicks, type TimeTick } from "./timeTicks.ts";

export type ChartLayoutName = "wide" | "narrow";

/** The size of a drawing in SVG user units; each layout is drawn for the width it is shown at. */
export interface ChartLayout {
  name: ChartLayoutName;
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  fontSize: number;
  markerSize: number;
  /** The least room a tick label needs, so labels never touch. */
  minTickSpacing: number;
}

/**
 * Two drawings of the same data rather than one scaled down: a 960-unit drawing squeezed onto
 * a 360-pixel phone would shrink its text to 5 pixels. CSS shows the one that fits.
 */
export const CHART_LAYOUTS: Record<ChartLayoutName, ChartLayout> = {
  wide: { name: "wide", width: 960, height: 320, margin: { top: 12, right: 28, bottom: 40, left: 88 }, fontSize: 14, markerSize: 6, minTickSpacing: 96 },
  narrow: { name: "narrow", width: 360, height: 300, margin: { top: 12, right: 20, bottom: 40, left: 82 }, fontSize: 13, markerSize: 6, minTickSpacing: 76 },
};

export interface PlacedTick extends TimeTick {
  x: number;
  /** How the label hangs from x: labels near an edge are kept inside the drawing. */
  anchor: "start" | "middle" | "end";
}

/** Average glyph width of the chart's sans-serif text, as a share of its size; an estimate is enough to keep labels inside. */
const GLYPH_WIDTH = 0.6;

export function tickAnchor(x: number, label: string, width: number, fontSize: number): PlacedTick["anchor"] {
  const half = (label.length * fontSize * GLYPH_WIDTH) / 2;
  if (x + half > width) return "end";
  if (x - half < 0) return "start";
  return "middle";
}

export interface LevelChart {
  layout: ChartLayout;
  plot: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  bands: LevelBand[];
  /** The step line. */
  path: string;
  markers: ChangeMarker[];
  ticks: PlacedTick[];
  /** Where the level labels end (they are right-aligned to this x) and where tick labels sit. */
  levelLabelX: number;
  tickLabelY: number;
  start: Date;
  end: Date;
  stretches: LevelStretch[];
}

/** Everything the history chart template places, for the history (oldest first) up to `now`. */
export function levelChart(history: readonly Assessment[], now: Date, layout: ChartLayout): LevelChart {
  const { width, height, margin } = layout;
  const plot = {
    left: margin.left,
    top: margin.top,
    right: width - margin.right,
    bottom: height - margin.bottom,
    width: width - margin.left - margin.right,
    height: height - margin.top - margin.bottom,
  };
  const stretches = levelStretches(history, now);
  if (stretches.length === 0) throw new Error("the level history has no assessments");
  const x = timeScale(stretches[0]!.from, stretches[stretches.length - 1]!.to, plot.left, plot.right);
  const bands = levelBands(plot.top, plot.height);
  const y = (stretch: LevelStretch) => levelY(bands, stretch.level);
  const maxTicks = Math.floor(plot.width / layout.minTickSpacing) + 1;
  return {
    layout,
    plot,
    bands,
    path: stepPath(stretches, x, y),
    markers: changeMarkers(stretches, x, y, layout.markerSize),
    ticks: timeTicks(x.start, x.end, maxTicks).map((tick) => {
      const tx = x(tick.when);
      return { ...tick, x: tx, anchor: tickAnchor(tx, tick.label, width, layout.fontSize) };
    }),
    levelLabelX: plot.left - 8,
    tickLabelY: plot.bottom + layout.fontSize + 8,
    start: x.start,
    end: x.end,
    stretches,
  };
}
