/** `npm run bench -- --dev`'s report: Markdown tables of devLoop.ts's figures. */
import type { DevLoopResult, TimedChange } from "./devLoop.ts";
import type { NaturalDevLoopResult } from "./naturalDevLoop.ts";
import { markdownTable, mib, milliseconds, seconds } from "./markdownTable.ts";
import { NO_PROC } from "./processTreeMemory.ts";
import { median } from "./statistics.ts";

const msCell = (ms: number | undefined) => (ms === undefined ? "never" : milliseconds(ms));
const medianOf = (changes: readonly TimedChange[], pick: (c: TimedChange) => number | undefined) => {
  const values = changes.map(pick);
  return values.some((v) => v === undefined) ? "–" : milliseconds(median(values as number[]));
};

export function devLoopReport(result: DevLoopResult, natural: NaturalDevLoopResult): string {
  const edits = result.titleEdits;
  const memory = result.memory
    ? [...result.memory.peakKiBByName].map(([name, kib]) => `${name} ${mib(kib * 1024)} MiB`).join(", ")
    : NO_PROC;
  return [
    `### \`npm start\` at ${result.analyses} analyses`,
    "",
    `From the command to the server listening, first build done: ${seconds(result.readySeconds)} s (${result.firstBuildFiles} files written). ` +
      `Peak memory: ${memory}.`,
    "",
    `Changing the \`title:\` of one of the two newest analyses, ${edits.length} times (after one untimed edit: ` +
      `rebuilt ${msCell(result.warmUp.rebuiltMs)} ms, right ${msCell(result.warmUp.shownMs)} ms). ` +
      `"Pages right": ${result.titlePages.join(", ")}; "everywhere": all ${result.titleEverywhere} output files that showed the title` +
      `${staleNote(edits)}.`,
    "",
    markdownTable(
      [{ title: "edit", align: "left" }, { title: "rebuilt (ms)" }, { title: "Eleventy's own count (s)" }, { title: "pages right (ms)" }, { title: "everywhere (ms)" }],
      [
        ...edits.map((e, i) => [`${i + 1}: ${e.label}`, msCell(e.rebuiltMs), e.eleventySeconds === undefined ? "–" : seconds(e.eleventySeconds), msCell(e.shownMs), msCell(e.everywhereMs)]),
        [
          "**median**",
          medianOf(edits, (e) => e.rebuiltMs),
          edits.some((e) => e.eleventySeconds === undefined) ? "–" : seconds(median(edits.map((e) => e.eleventySeconds!))),
          medianOf(edits, (e) => e.shownMs),
          medianOf(edits, (e) => e.everywhereMs),
        ],
      ],
    ),
    "",
    `The natural stack's floor, measured in the same run: bare Eleventy's own dev server (\`--serve --incremental --quiet\`) on the same ` +
      `analyses, one layout and no lists, the same title edit ${natural.rebuiltMs.length} times: rebuilt in ` +
      `**${milliseconds(median(natural.rebuiltMs))} ms** (median; ${natural.rebuiltMs.map(milliseconds).join(", ")} ms; ` +
      `Eleventy's own count ${seconds(median(natural.eleventySeconds))} s). It writes one file.`,
    "",
    `Other changes, one run each:`,
    "",
    markdownTable(
      [{ title: "change", align: "left" }, { title: "rebuilt (ms)" }, { title: "output right (ms)" }, { title: "right?", align: "left" }],
      result.changes.map((c) => [c.label, msCell(c.rebuiltMs), msCell(c.shownMs), `${c.shownMs === undefined ? "**no**" : "yes"}${c.note ? `; ${c.note}` : ""}`]),
    ),
    "",
  ].join("\n");
}

/** Which pages still showed the old title (an incremental rebuild renders only the lists again). */
function staleNote(edits: readonly TimedChange[]): string {
  const stale = [...new Set(edits.flatMap((edit) => edit.stale ?? []))];
  return stale.length ? `; still showing the old title ${OTHERS_NOTE}: ${stale.join(", ")}` : "";
}

const OTHERS_NOTE = "a few seconds after the pages right (an incremental rebuild does not render the neighbours' previous/next links again)";
