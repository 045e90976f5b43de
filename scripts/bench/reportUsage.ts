// Loaded with `node --import` into a benchmarked build: on exit it writes the process's peak
// memory to the file named by BENCH_USAGE_FILE (Node cannot read a child's rusage itself).
import { writeFileSync } from "node:fs";

const target = process.env["BENCH_USAGE_FILE"];
if (target) {
  process.on("exit", () => {
    writeFileSync(target, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
  });
}
