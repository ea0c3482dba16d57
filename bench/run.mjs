#!/usr/bin/env node
// Benchmark tmlint against the parse floor (bench/parse-floor.mjs) and markdownlint-cli2 on the same
// generated files, and print a Markdown report.
//
//   npm run bench                         full run (estimated 25 minutes on an idle 2-core machine)
//   npm run bench -- --quick              smaller sizes, 3 runs each
//   npm run bench -- --sizes doc-500,table-20000 --runs 5 --write /tmp/bench.md
//
// Every run is a fresh child process. Within one round the tools run one after another on the same
// files, so that background load affects all of them alike.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { generateDocument, generateThreatsTable, writeRepository } from "./generate.mjs";
import { killRunningChild, measure } from "./measure.mjs";
import { formatMegabytes, formatSeconds, renderReport } from "./report.mjs";

const BENCH_DIRECTORY = fileURLToPath(new URL(".", import.meta.url));
const ROOT = join(BENCH_DIRECTORY, "..");
const MARKDOWNLINT_DIRECTORY = join(BENCH_DIRECTORY, "markdownlint");

const FULL_SIZES = ["cold-10", "doc-50", "doc-500", "doc-5000", "repo-200x50", "table-20000"];
const QUICK_SIZES = ["cold-10", "doc-50", "doc-500", "repo-20x50", "table-2000"];

/** Inputs estimated above this many bytes get 3 runs and no warm-up; smaller ones get 5 runs and one warm-up. */
const LARGE_INPUT_BYTES = 5_000_000;

/**
 * @typedef {object} Tool
 * @property {"tmlint" | "floor" | "markdownlint"} key
 * @property {string} label
 * @property {string} script
 * @property {string[]} args Arguments placed before the file names.
 * @property {number[]} successExitCodes Linters exit 1 when they report findings, which is a normal run.
 * @property {string} missingNote Shown in the report when `script` does not exist.
 */

/** @type {Tool[]} */
const TOOLS = [
  {
    key: "tmlint",
    label: "tmlint",
    script: join(ROOT, "dist/bundle/tmlint.js"),
    args: ["--preset", "strict"],
    successExitCodes: [0, 1],
    missingNote: "`dist/bundle/tmlint.js` does not exist; run `npm run build` first.",
  },
  {
    key: "floor",
    label: "parse floor",
    script: join(BENCH_DIRECTORY, "parse-floor.mjs"),
    args: [],
    successExitCodes: [0],
    missingNote: "`bench/parse-floor.mjs` does not exist.",
  },
  {
    key: "markdownlint",
    label: "markdownlint-cli2",
    script: join(MARKDOWNLINT_DIRECTORY, "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs"),
    args: [],
    successExitCodes: [0, 1],
    missingNote: "markdownlint-cli2 is not installed; run `npm ci --prefix bench/markdownlint`.",
  },
];

/**
 * @typedef {object} Size
 * @property {string} key
 * @property {string} label
 * @property {"document" | "repository" | "table"} kind
 * @property {number} threats Threats per document.
 * @property {number} documents
 * @property {number} rows Table rows, for kind "table".
 * @property {number} runs
 * @property {number} warmups Untimed runs before the timed ones.
 */

/**
 * @typedef {object} ToolResult
 * @property {number[]} wallMs
 * @property {number[]} peakBytes
 * @property {string | undefined} failure
 */

const USAGE = `Usage: node bench/run.mjs [options]   (or: npm run bench -- [options])

--quick          smaller sizes (${QUICK_SIZES.join(", ")}), 3 runs each and 5 for cold-10
--sizes LIST     comma-separated sizes: cold-N (N threats, 10 runs), doc-N (N threats),
                 repo-MxN (M documents of N threats), table-R (one Threats table of R rows)
                 default: ${FULL_SIZES.join(", ")}
--runs N         timed runs per size and tool (default 5 below ${LARGE_INPUT_BYTES / 1e6} MB of input, else 3)
--tools LIST     comma-separated subset of: ${TOOLS.map((tool) => tool.key).join(", ")}
--timeout S      seconds before one run is ended and counted as failed (default 900)
--write FILE     also write the Markdown report to FILE
--keep           keep the generated inputs and logs in the temporary folder`;

/**
 * Print the message and the usage, and exit with status 2.
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

/**
 * Parse a size key such as `doc-500` or `repo-200x50`.
 * @param {string} key
 * @param {number | undefined} runsOption
 * @param {boolean} quick
 * @returns {Size}
 */
function parseSize(key, runsOption, quick) {
  const single = /^(cold|doc|table)-(\d+)$/.exec(key);
  const repository = /^repo-(\d+)x(\d+)$/.exec(key);
  /** @type {Omit<Size, "runs" | "warmups">} */
  let size;
  if (single !== null && Number(single[2]) > 0) {
    const count = Number(single[2]);
    if (single[1] === "table") {
      size = { key, label: `1 table of ${count.toLocaleString("en-US")} rows`, kind: "table", threats: 0, documents: 1, rows: count };
    } else {
      const suffix = single[1] === "cold" ? " (cold start)" : "";
      size = { key, label: `1 document of ${count.toLocaleString("en-US")} threats${suffix}`, kind: "document", threats: count, documents: 1, rows: 0 };
    }
  } else if (repository !== null && Number(repository[1]) > 0 && Number(repository[2]) > 0) {
    const documents = Number(repository[1]);
    const threats = Number(repository[2]);
    size = { key, label: `${documents} documents of ${threats} threats`, kind: "repository", threats, documents, rows: 0 };
  } else {
    return fail(`Invalid size \`${key}\`: expected cold-N, doc-N, repo-MxN or table-R with positive numbers.`);
  }

  // Estimates from the generator's output: about 4 KB per threat and 570 bytes per table row.
  const estimatedBytes = size.kind === "table" ? size.rows * 570 : size.documents * size.threats * 4000;
  const large = estimatedBytes > LARGE_INPUT_BYTES;
  let defaultRuns = 5;
  if (key.startsWith("cold-")) defaultRuns = quick ? 5 : 10;
  else if (quick || large) defaultRuns = 3;
  return { ...size, runs: runsOption ?? defaultRuns, warmups: large ? 0 : 1 };
}

/**
 * Write the inputs of one size into `directory`.
 * @param {Size} size
 * @param {string} directory
 * @returns {{ files: string[], bytes: number }} file names relative to `directory`
 */
function writeInputs(size, directory) {
  mkdirSync(directory, { recursive: true });
  /** @type {string[]} */
  let paths;
  if (size.kind === "repository") {
    paths = writeRepository({ documents: size.documents, threats: size.threats, seed: 1, directory });
  } else {
    const path = join(directory, "threat-model.md");
    const text =
      size.kind === "table" ? generateThreatsTable({ rows: size.rows, seed: 1 }) : generateDocument({ threats: size.threats, seed: 1 });
    writeFileSync(path, text);
    paths = [path];
  }
  const bytes = paths.reduce((total, path) => total + statSync(path).size, 0);
  return { files: paths.map((path) => relative(directory, path)), bytes };
}

/**
 * Return the last `count` characters of a log file, for a failure message.
 * @param {string} path
 * @param {number} count
 */
function logTail(path, count) {
  if (!existsSync(path)) return "";
  const text = readFileSync(path, "utf8");
  return text.slice(Math.max(0, text.length - count));
}

async function main() {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean" },
      sizes: { type: "string" },
      runs: { type: "string" },
      tools: { type: "string" },
      timeout: { type: "string" },
      write: { type: "string" },
      keep: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help === true) {
    console.log(USAGE);
    return;
  }
  const quick = values.quick === true;
  const runsOption = values.runs === undefined ? undefined : Number(values.runs);
  if (runsOption !== undefined && (!Number.isSafeInteger(runsOption) || runsOption < 1)) {
    fail(`Invalid --runs \`${values.runs}\`: expected a positive integer.`);
  }
  const timeoutSeconds = values.timeout === undefined ? 900 : Number(values.timeout);
  if (!(timeoutSeconds > 0)) fail(`Invalid --timeout \`${values.timeout}\`: expected a positive number of seconds.`);
  const sizeKeys = values.sizes?.split(",").filter((key) => key !== "") ?? (quick ? QUICK_SIZES : FULL_SIZES);
  const sizes = sizeKeys.map((key) => parseSize(key, runsOption, quick));

  const toolKeys = values.tools?.split(",").filter((key) => key !== "") ?? TOOLS.map((tool) => tool.key);
  for (const key of toolKeys) {
    if (!TOOLS.some((tool) => tool.key === key)) fail(`Invalid tool \`${key}\`: expected one of ${TOOLS.map((tool) => tool.key).join(", ")}.`);
  }
  const tools = TOOLS.filter((tool) => toolKeys.includes(tool.key));
  /** @type {Map<string, string>} */
  const skipped = new Map();
  for (const tool of tools) {
    if (!existsSync(tool.script)) skipped.set(tool.label, tool.missingNote);
  }
  const activeTools = tools.filter((tool) => !skipped.has(tool.label));
  for (const [label, note] of skipped) console.error(`Skipping ${label}: ${note}`);

  const scratch = mkdtempSync(join(tmpdir(), "tmlint-bench-"));
  const cleanUp = () => {
    if (values.keep !== true) rmSync(scratch, { recursive: true, force: true });
  };
  process.on("SIGINT", () => {
    killRunningChild();
    cleanUp();
    process.exit(130);
  });

  /** @type {Map<string, Map<string, ToolResult>>} */
  const results = new Map();
  /** @type {Map<string, number>} */
  const inputBytes = new Map();
  /** @type {Map<string, number>} */
  const fileCounts = new Map();
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  try {
    for (const size of sizes) {
      const directory = join(scratch, size.key);
      const { files, bytes } = writeInputs(size, directory);
      inputBytes.set(size.key, bytes);
      fileCounts.set(size.key, files.length);
      console.error(`${size.key}: ${files.length} file(s), ${formatMegabytes(bytes)}, ${size.warmups} warm-up and ${size.runs} timed run(s)`);

      /** @type {Map<string, ToolResult>} */
      const byTool = new Map(activeTools.map((tool) => [tool.key, { wallMs: [], peakBytes: [], failure: undefined }]));
      results.set(size.key, byTool);
      for (let round = -size.warmups; round < size.runs; round += 1) {
        const summary = [];
        for (const tool of activeTools) {
          const result = /** @type {ToolResult} */ (byTool.get(tool.key));
          if (result.failure !== undefined) continue;
          const logPath = join(scratch, `${size.key}.${tool.key}.log`);
          const measurement = await measure({
            script: tool.script,
            args: [...tool.args, ...files],
            cwd: directory,
            logPath,
            scratchDirectory: scratch,
            timeoutMs: timeoutSeconds * 1000,
          });
          if (measurement.timedOut) {
            result.failure = `timed out after ${timeoutSeconds} s`;
          } else if (measurement.exitCode === null || !tool.successExitCodes.includes(measurement.exitCode)) {
            result.failure = `exit ${measurement.exitCode ?? measurement.signal}`;
          }
          if (result.failure !== undefined) {
            console.error(`${size.key}: ${tool.label} ${result.failure}; end of its output:\n${logTail(logPath, 2000)}`);
            continue;
          }
          summary.push(`${tool.label} ${formatSeconds(measurement.wallMs)}`);
          if (round < 0) continue;
          result.wallMs.push(measurement.wallMs);
          if (measurement.peakBytes !== undefined) result.peakBytes.push(measurement.peakBytes);
        }
        const roundName = round < 0 ? "warm-up" : `run ${round + 1}/${size.runs}`;
        console.error(`  ${roundName}: ${summary.join(", ")}`);
      }
      if (values.keep !== true) rmSync(directory, { recursive: true, force: true });
    }
  } finally {
    cleanUp();
  }

  const report = renderReport({ sizes, tools: activeTools, skipped, results, inputBytes, fileCounts, elapsedMs: performance.now() - started, loadBefore });
  console.log(report);
  if (values.write !== undefined) writeFileSync(values.write, report);
  if (values.keep === true) console.error(`Inputs and logs kept in ${scratch}`);
}

await main();
