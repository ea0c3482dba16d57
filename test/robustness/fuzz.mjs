#!/usr/bin/env node
// The long robustness run behind `npm run fuzz`: the tests in test/robustness with every
// property at TMLINT_FUZZ_SCALE times its normal number of cases (40 unless given, about
// 102,000 cases), adversarial lines of 100 KB in every cell, and the slow hostile inputs.
//
//   npm run fuzz            # scale 40
//   npm run fuzz -- 4       # a shorter run, scale 4
//
// A failing property prints its seed and the shrunk counterexample; add it to
// regressions.test.ts once fixed.

import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const scale = process.argv[2] ?? "40";
if (!(Number(scale) > 0)) {
  console.error(`Invalid scale \`${scale}\`: expected a positive number, such as 40.`);
  process.exit(2);
}

const root = fileURLToPath(new URL("../..", import.meta.url));
const vitest = fileURLToPath(new URL("../../node_modules/vitest/vitest.mjs", import.meta.url));
const result = spawnSync(process.execPath, [vitest, "run", "test/robustness"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, TMLINT_FUZZ_SCALE: scale },
});
process.exit(result.status ?? 1);
