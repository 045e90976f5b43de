/** One decimal place is finer than a pixel at any size the chart is drawn, and keeps the SVG small. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
