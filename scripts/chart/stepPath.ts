import type { LevelStretch } from "../level/levelStretches.ts";

/**
 * The SVG path of the level over time: a horizontal run for each stretch and a vertical jump
 * at each change, so the line never suggests the level drifted between two assessments.
 */
export function stepPath(stretches: readonly LevelStretch[], x: (when: Date) => number, y: (stretch: LevelStretch) => number): string {
  const parts: string[] = [];
  stretches.forEach((stretch, i) => {
    parts.push(i === 0 ? `M${x(stretch.from)} ${y(stretch)}` : `V${y(stretch)}`);
    parts.push(`H${x(stretch.to)}`);
  });
  return parts.join("");
}
