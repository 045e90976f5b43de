/** `npm run bench`'s report: Markdown tables of buildComparison.ts's figures, one row per corpus size. */
import { availableParallelism } from "node:os";
import type { BuildComparison } from "./buildComparison.ts";
import { firstQueryTable, typedQueriesSummary } from "./firstQueryBytes.ts";
import { markdownTable, mib, milliseconds, ratio, seconds } from "./markdownTable.ts";
import { NO_PROC, combineTreeMemory, type TreeMemory } from "./processTreeMemory.ts";
import { median } from "./statistics.ts";

const wallTimes = (c: BuildComparison) => ({
  full: c.rounds.map((r) => r.full.wallSeconds),
  baseline: c.rounds.map((r) => r.baseline.wallSeconds),
  ratios: c.rounds.map((r) => r.full.wallSeconds / r.baseline.wallSeconds),
});

function wallTable(results: readonly BuildComparison[]): string {
  return markdownTable(
    [
      { title: "analyses" },
      { title: "pages" },
      { title: "first build, every share card drawn (s)" },
      { title: "full build (s)" },
      { title: "baseline: Eleventy + Pagefind CLI (s)" },
      { title: "full / baseline, ratio of medians" },
      { title: "median of the rounds' ratios" },
    ],
    results.map((c) => {
      const { full, baseline, ratios } = wallTimes(c);
      return [
        String(c.analyses),
        String(c.firstBuild.summary.pages),
        seconds(c.firstBuild.wallSeconds),
        seconds(median(full)),
        seconds(median(baseline)),
        ratio(median(full) / median(baseline)),
        ratio(median(ratios)),
      ];
    }),
  );
}

function roundsTable(results: readonly BuildComparison[]): string {
  return markdownTable(
    [{ title: "analyses" }, { title: "round" }, { title: "order", align: "left" }, { title: "full build (s)" }, { title: "baseline (s)" }, { title: "ratio" }],
    results.flatMap((c) =>
      c.rounds.map((r, i) => [
        String(c.analyses),
        String(i + 1),
        r.fullBuildFirst ? "full build, baseline" : "baseline, full build",
        seconds(r.full.wallSeconds),
        seconds(r.baseline.wallSeconds),
        ratio(r.full.wallSeconds / r.baseline.wallSeconds),
      ]),
    ),
  );
}

function phasesTable(results: readonly BuildComparison[]): string {
  const phases = [...new Set(results.flatMap((c) => c.rounds.flatMap((r) => [...r.full.summary.phases.keys()])))];
  return markdownTable(
    [
      { title: "analyses" },
      { title: "full build, wall (s)" },
      ...phases.map((name) => ({ title: `${name} (s)` })),
      { title: "baseline, wall (s)" },
      { title: "its Eleventy (s)" },
      { title: "its Pagefind (s)" },
    ],
    results.map((c) => [
      String(c.analyses),
      seconds(median(c.rounds.map((r) => r.full.wallSeconds))),
      ...phases.map((name) => seconds(median(c.rounds.map((r) => r.full.summary.phases.get(name) ?? Number.NaN)))),
      seconds(median(c.rounds.map((r) => r.baseline.wallSeconds))),
      seconds(median(c.rounds.map((r) => r.baseline.eleventySeconds))),
      seconds(median(c.rounds.map((r) => r.baseline.pagefindSeconds))),
    ]),
  );
}

/**
 * Processor time (medians) beside wall time: what the machine's processors did, and so the least
 * wall time that work could take on them, however it were arranged.
 */
function processorTable(results: readonly BuildComparison[]): string {
  const cores = availableParallelism();
  const cpu = (values: (number | undefined)[]) => {
    const known = values.flatMap((v) => (v === undefined ? [] : [v]));
    return known.length === values.length ? median(known) : undefined;
  };
  const shown = (value: number | undefined) => (value === undefined ? NO_PROC : seconds(value));
  const floor = (value: number | undefined) => (value === undefined ? NO_PROC : seconds(value / cores));
  return markdownTable(
    [
      { title: "analyses" },
      { title: "full build: wall (s)" },
      { title: "processor time (s)" },
      { title: `÷ ${cores} processors (s)` },
      { title: "baseline: wall (s)" },
      { title: "processor time (s)" },
      { title: `÷ ${cores} processors (s)` },
    ],
    results.map((c) => {
      const full = cpu(c.rounds.map((r) => r.full.memory?.cpuSeconds));
      const baseline = cpu(c.rounds.map((r) => r.baseline.memory?.cpuSeconds));
      return [
        String(c.analyses),
        seconds(median(c.rounds.map((r) => r.full.wallSeconds))),
        shown(full),
        floor(full),
        seconds(median(c.rounds.map((r) => r.baseline.wallSeconds))),
        shown(baseline),
        floor(baseline),
      ];
    }),
  );
}

const mibOf = (memory: TreeMemory | undefined, kib: (m: TreeMemory) => number | undefined) => {
  if (!memory) return NO_PROC;
  const value = kib(memory);
  return value === undefined ? "–" : mib(value * 1024);
};

function memoryTable(results: readonly BuildComparison[]): string {
  const rows = results.flatMap((c) => {
    const first = c.firstBuild.memory;
    const full = combineTreeMemory(c.rounds.map((r) => r.full.memory));
    const baseline = combineTreeMemory(c.rounds.map((r) => r.baseline.memory));
    const names = [...new Set([first, full, baseline].flatMap((m) => (m ? [...m.peakKiBByName.keys()] : [])))].sort();
    const row = (what: string, kib: (m: TreeMemory) => number | undefined) => [String(c.analyses), what, mibOf(first, kib), mibOf(full, kib), mibOf(baseline, kib)];
    return [
      ...names.map((name) => row(name, (m) => m.peakKiBByName.get(name))),
      row("**largest single process**", (m) => m.largestKiB),
      row("all processes at once (sampled)", (m) => m.togetherKiB),
    ];
  });
  return markdownTable(
    [{ title: "analyses" }, { title: "process", align: "left" }, { title: "first build (MiB)" }, { title: "full build (MiB)" }, { title: "baseline (MiB)" }],
    rows,
  );
}

function outputTable(results: readonly BuildComparison[]): string {
  return markdownTable(
    [
      { title: "analyses" },
      { title: "", align: "left" },
      { title: "pages" },
      { title: "files" },
      { title: "output (MiB)" },
      { title: "search index, all of pagefind/ (MiB)" },
      { title: "its files" },
    ],
    results.flatMap((c) =>
      (
        [
          ["full build", c.fullOutput],
          ["baseline", c.baselineOutput],
        ] as const
      ).map(([what, size]) => [
        String(c.analyses),
        what,
        String(size.output.pages),
        String(size.output.files),
        mib(size.output.bytes),
        mib(size.searchIndex.bytes),
        String(size.searchIndex.files),
      ]),
    ),
  );
}

function searchSection(c: BuildComparison): string {
  const typing = typedQueriesSummary(c.firstQuery.typed);
  const ranks = c.typedWords.map((w) => `${w.word} (rank ${w.rank})`).join(", ");
  return [
    `First query on \`/search/?q=${c.firstQuery.query}\` at ${c.analyses} analyses, full build's output (Chromium, no service worker, no HTTP cache; Pagefind's files are sent as they are, already compressed):`,
    "",
    firstQueryTable(c.firstQuery),
    "",
    `Typing a query into the search box until the result list changes on screen, median of ${c.firstQuery.typed.length} ` +
      `(the search box's debounce included): **${milliseconds(typing.medianMs)} ms** (${typing.each}). Words by frequency rank of 30,000: ${ranks}.`,
  ].join("\n");
}

export function buildComparisonReport(results: readonly BuildComparison[], runs: number): string {
  return [
    `### The full build against the natural stack`,
    "",
    `Medians of ${runs} alternating round(s) after one untimed first build (which draws every share card). ` +
      `Baseline: a bare Eleventy project rendering the same Markdown with one Nunjucks layout (\`eleventy --quiet\`), then \`pagefind --site _site\`.`,
    "",
    wallTable(results),
    "",
    roundsTable(results),
    "",
    `Phases (medians; the full build's own summary line):`,
    "",
    phasesTable(results),
    "",
    `Processor time, user and system, of each command's whole process tree (medians; sampled every 100 ms in /proc with the memory). ` +
      `Divided by the processors, it is the least wall time the same work could take:`,
    "",
    processorTable(results),
    "",
    `Peak memory of every process (VmHWM sampled every 100 ms in /proc; "full build" and "baseline" are the highest over their rounds):`,
    "",
    memoryTable(results),
    "",
    `Output:`,
    "",
    outputTable(results),
    "",
    ...results.flatMap((c) => [searchSection(c), ""]),
  ].join("\n");
}
