// The Markdown report of bench/run.mjs: machine, versions, method, one row per input size and the
// ratios of tmlint to the parse floor and to markdownlint-cli2.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem, type } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { PEAK_MEMORY_SOURCE } from "./measure.mjs";

/** @typedef {import("./run.mjs").Size} Size */
/** @typedef {import("./run.mjs").Tool} Tool */
/** @typedef {import("./run.mjs").ToolResult} ToolResult */

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MARKDOWNLINT_DIRECTORY = join(ROOT, "bench/markdownlint");

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? /** @type {number} */ (sorted[middle]) : (/** @type {number} */ (sorted[middle - 1]) + /** @type {number} */ (sorted[middle])) / 2;
}

/** @param {number} milliseconds */
export function formatSeconds(milliseconds) {
  const seconds = milliseconds / 1000;
  return `${seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1)} s`;
}

/** @param {number} bytes */
export function formatMegabytes(bytes) {
  const megabytes = bytes / 1e6;
  return `${megabytes < 10 ? megabytes.toFixed(1) : megabytes.toFixed(0)} MB`;
}

/** @param {number | undefined} numerator @param {number | undefined} denominator */
function formatRatio(numerator, denominator) {
  if (numerator === undefined || denominator === undefined || denominator === 0) return "–";
  return `${(numerator / denominator).toFixed(2)}×`;
}

/**
 * Return the version of an installed package, trying each `node_modules` folder in turn.
 * @param {string} name
 * @param {string[]} nodeModulesFolders
 */
function installedVersion(name, nodeModulesFolders) {
  for (const folder of nodeModulesFolders) {
    const path = join(folder, name, "package.json");
    if (existsSync(path)) return /** @type {{ version: string }} */ (JSON.parse(readFileSync(path, "utf8"))).version;
  }
  return "not installed";
}

function gitCommit() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "no commit";
  }
}

/** Quote an argument for the report's command line where a shell would need it. */
function shellQuote(/** @type {string} */ argument) {
  return /^[\w./,=:@+-]+$/.test(argument) ? argument : `'${argument.replaceAll("'", "'\\''")}'`;
}

/**
 * Render the Markdown report of one benchmark run.
 * @param {{ sizes: Size[], tools: Tool[], skipped: Map<string, string>, results: Map<string, Map<string, ToolResult>>, inputBytes: Map<string, number>, fileCounts: Map<string, number>, elapsedMs: number, loadBefore: number }} run
 */
export function renderReport({ sizes, tools, skipped, results, inputBytes, fileCounts, elapsedMs, loadBefore }) {
  const rootModules = [join(ROOT, "node_modules")];
  const markdownlintModules = [
    join(MARKDOWNLINT_DIRECTORY, "node_modules/markdownlint/node_modules"),
    join(MARKDOWNLINT_DIRECTORY, "node_modules"),
  ];
  const processor = cpus()[0]?.model ?? "unknown processor";
  const rootPackage = /** @type {{ version: string }} */ (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")));
  const argumentsText = process.argv.slice(2).map(shellQuote).join(" ");
  const command =
    process.env["npm_lifecycle_event"] === "bench"
      ? `npm run bench${argumentsText === "" ? "" : ` -- ${argumentsText}`}`
      : `node bench/run.mjs${argumentsText === "" ? "" : ` ${argumentsText}`}`;

  const lines = [
    `## Benchmark run of ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `- Command: \`${command}\` (total ${formatSeconds(elapsedMs)})`,
    `- Machine: ${processor}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${type()} ${release()}, Node.js ${process.version}`,
    `- Load average over 1 minute: ${loadBefore.toFixed(2)} before the run, ${loadavg()[0]?.toFixed(2)} after it; a load above the core count means other processes competed for the cores`,
    `- tmlint ${rootPackage.version} at commit ${gitCommit()}, run as \`node dist/bundle/tmlint.js --preset strict FILES\` (the package's \`tmlint\` executable)`,
    `- Parse floor: unified ${installedVersion("unified", rootModules)}, remark-parse ${installedVersion("remark-parse", rootModules)}, ` +
      `remark-gfm ${installedVersion("remark-gfm", rootModules)}, remark-frontmatter ${installedVersion("remark-frontmatter", rootModules)}, ` +
      `micromark-extension-gfm-table ${installedVersion("micromark-extension-gfm-table", rootModules)}`,
    `- markdownlint-cli2 ${installedVersion("markdownlint-cli2", markdownlintModules)} with markdownlint ${installedVersion("markdownlint", markdownlintModules)} ` +
      `and micromark-extension-gfm-table ${installedVersion("micromark-extension-gfm-table", markdownlintModules)}, default rules`,
    `- Method: each figure is the median over the timed runs, each a fresh process. Wall time runs from spawn to exit. ` +
      `Peak memory is the child's maximum resident set size, read with ${PEAK_MEMORY_SOURCE === "GNU time" ? "GNU time (`%M`)" : "`process.resourceUsage().maxRSS`"}. ` +
      `Output goes to a log file. MB means 10^6 bytes.`,
    "",
  ];
  for (const [key, note] of skipped) lines.push(`- Skipped ${key}: ${note}`);
  if (skipped.size > 0) lines.push("");

  const header = ["Input", "Files", "Size", "Runs"];
  for (const tool of tools) header.push(`${tool.label} time`, `${tool.label} peak`);
  header.push("tmlint / parse floor", "tmlint / markdownlint-cli2", "tmlint / markdownlint-cli2 memory");
  lines.push(`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`);

  for (const size of sizes) {
    const byTool = results.get(size.key);
    if (byTool === undefined) continue;
    /** @param {string} toolKey @param {"wallMs" | "peakBytes"} field */
    const medianOf = (toolKey, field) => {
      const result = byTool.get(toolKey);
      if (result === undefined || result.failure !== undefined || result[field].length === 0) return undefined;
      return median(result[field]);
    };
    const row = [size.label, String(fileCounts.get(size.key)), formatMegabytes(inputBytes.get(size.key) ?? 0), String(size.runs)];
    for (const tool of tools) {
      const failure = byTool.get(tool.key)?.failure;
      if (failure !== undefined) {
        row.push(`failed: ${failure}`, "–");
        continue;
      }
      const time = medianOf(tool.key, "wallMs");
      const peak = medianOf(tool.key, "peakBytes");
      row.push(time === undefined ? "–" : formatSeconds(time), peak === undefined ? "–" : formatMegabytes(peak));
    }
    row.push(
      formatRatio(medianOf("tmlint", "wallMs"), medianOf("floor", "wallMs")),
      formatRatio(medianOf("tmlint", "wallMs"), medianOf("markdownlint", "wallMs")),
      formatRatio(medianOf("tmlint", "peakBytes"), medianOf("markdownlint", "peakBytes")),
    );
    lines.push(`| ${row.join(" | ")} |`);
  }

  // Growth from 500 to 5,000 threats: linear time gives about 10×.
  const small = results.get("doc-500");
  const large = results.get("doc-5000");
  if (small !== undefined && large !== undefined) {
    const growth = tools.map((tool) => {
      const before = small.get(tool.key);
      const after = large.get(tool.key);
      const usable = (/** @type {ToolResult | undefined} */ result) =>
        result !== undefined && result.failure === undefined && result.wallMs.length > 0;
      if (!usable(before) || !usable(after)) return `${tool.label} –`;
      const ratio = formatRatio(median(/** @type {ToolResult} */ (after).wallMs), median(/** @type {ToolResult} */ (before).wallMs));
      return `${tool.label} ${ratio}`;
    });
    lines.push("", `Time growth from 500 to 5,000 threats: ${growth.join(", ")}.`);
  }
  lines.push("");
  return lines.join("\n");
}
