/** Markdown tables and number formats for the benchmarks' reports (pasted into docs/performance.md). */

export interface Column {
  title: string;
  /** Numbers are right-aligned; words left. */
  align?: "left" | "right";
}

export function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(columns.map((c) => c.title)),
    `|${columns.map((c) => (c.align === "left" ? "---|" : "---:|")).join("")}`,
    ...rows.map(line),
  ].join("\n");
}

export const seconds = (s: number) => (Number.isFinite(s) ? s.toFixed(2) : "–");
export const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
export const kib = (bytes: number) => (bytes / 1024).toFixed(1);
export const ratio = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "–");
export const milliseconds = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(0) : "–");
