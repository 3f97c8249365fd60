// Loaded with `node --import` into a measured child: at exit, writes the process's peak resident set
// size (KiB, from process.resourceUsage().maxRSS) to the file named by CAREER_ATLAS_BENCH_RSS.
// The fallback when GNU time (/usr/bin/time) is missing, and the measure of the long-running serve.
import { writeFileSync } from "node:fs";

const target = process.env.CAREER_ATLAS_BENCH_RSS;
if (target) {
  process.on("exit", () => {
    try {
      writeFileSync(target, String(process.resourceUsage().maxRSS));
    } catch {
      // Nothing to report to: the benchmark shows the peak as unknown.
    }
  });
}
