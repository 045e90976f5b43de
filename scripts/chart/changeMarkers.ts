import type { LevelStretch } from "../level/levelStretches.ts";
import type { LevelNumber } from "../level/types.ts";
import { round1 } from "./round.ts";

export type MarkerKind = "first" | "raised" | "lowered";

export interface ChangeMarker {
  kind: MarkerKind;
  level: LevelNumber;
  previousLevel?: LevelNumber;
  /** The fragment of the assessment's entry on /history/. */
  id: string;
  issued: Date;
  hasTime: boolean;
  x: number;
  y: number;
  /** The marker's outline: a triangle pointing up for a raise, down for a lowering, a diamond for the first. */
  d: string;
}

/** One marker at the start of every stretch; the shape, not only the position, says which way the level moved. */
export function changeMarkers(
  stretches: readonly LevelStretch[],
  x: (when: Date) => number,
  y: (stretch: LevelStretch) => number,
  size: number,
): ChangeMarker[] {
  return stretches.map((stretch) => {
    const kind: MarkerKind =
      stretch.previousLevel === undefined ? "first" : stretch.level < stretch.previousLevel ? "raised" : "lowered";
    const mx = x(stretch.from);
    const my = y(stretch);
    const marker: ChangeMarker = {
      kind,
      level: stretch.level,
      id: stretch.start.id,
      issued: stretch.from,
      hasTime: stretch.start.hasTime,
      x: mx,
      y: my,
      d: markerOutline(kind, mx, my, size),
    };
    if (stretch.previousLevel !== undefined) marker.previousLevel = stretch.previousLevel;
    return marker;
  });
}

export function markerOutline(kind: MarkerKind, x: number, y: number, size: number): string {
  const r = size;
  const p = (dx: number, dy: number) => `${round1(x + dx)} ${round1(y + dy)}`;
  if (kind === "raised") return `M${p(0, -r)}L${p(r, r * 0.75)}L${p(-r, r * 0.75)}Z`;
  if (kind === "lowered") return `M${p(0, r)}L${p(r, -r * 0.75)}L${p(-r, -r * 0.75)}Z`;
  return `M${p(0, -r)}L${p(r, 0)}L${p(0, r)}L${p(-r, 0)}Z`;
}
