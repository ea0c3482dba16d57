// Preloaded with `node --import` by bench/measure.mjs where GNU time is not available: on exit, write
// this process's peak resident set size in KiB (process.resourceUsage().maxRSS, which covers worker
// threads too) to the file named by BENCH_MAX_RSS_FILE.

import { writeFileSync } from "node:fs";

const target = process.env["BENCH_MAX_RSS_FILE"];
if (target !== undefined && target !== "") {
  process.on("exit", () => {
    writeFileSync(target, `${process.resourceUsage().maxRSS}\n`);
  });
}
