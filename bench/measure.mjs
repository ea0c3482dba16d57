// Run one Node.js script in a child process and measure its wall time and peak resident memory.

import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const GNU_TIME = "/usr/bin/time";
const MAX_RSS_PRELOAD = fileURLToPath(new URL("./max-rss.mjs", import.meta.url));

/**
 * @typedef {object} Measurement
 * @property {number} wallMs Time from spawn to exit, measured by this process.
 * @property {number | undefined} peakBytes Peak resident set size of the child; undefined if it could not be read.
 * @property {number | null} exitCode
 * @property {NodeJS.Signals | null} signal
 * @property {boolean} timedOut
 */

/** @returns {boolean} whether /usr/bin/time is GNU time, which supports `-f %M` and `-o FILE`. */
function hasGnuTime() {
  if (!existsSync(GNU_TIME)) return false;
  const result = spawnSync(GNU_TIME, ["--version"], { encoding: "utf8" });
  return `${result.stdout}${result.stderr}`.includes("GNU");
}

/** The way peak memory is read: "GNU time" or "process.resourceUsage" (the preload fallback). */
export const PEAK_MEMORY_SOURCE = hasGnuTime() ? "GNU time" : "process.resourceUsage";

/** @type {import("node:child_process").ChildProcess | undefined} */
let running;

/** End the child that is being measured, if any, with its whole process group. */
export function killRunningChild() {
  if (running?.pid !== undefined && running.exitCode === null) {
    try {
      process.kill(-running.pid, "SIGKILL");
    } catch {
      // The group exited between the check and the kill.
    }
  }
}

/**
 * Read the peak resident set size written by GNU time (`%M`, KiB, last line, because GNU time puts a
 * "Command exited with non-zero status" line first) or by the max-rss preload (KiB).
 * @param {string} path
 * @returns {number | undefined} bytes
 */
function readPeakBytes(path) {
  if (!existsSync(path)) return undefined;
  const lines = readFileSync(path, "utf8").trim().split("\n");
  const kibibytes = Number(lines[lines.length - 1]);
  rmSync(path, { force: true });
  return Number.isFinite(kibibytes) && kibibytes > 0 ? kibibytes * 1024 : undefined;
}

/**
 * Run `node script ...args` in `cwd` with stdout and stderr sent to `logPath`, and measure it.
 * The child runs in its own process group, so a time-out ends it together with anything it started.
 * @param {{ script: string, args: string[], cwd: string, logPath: string, scratchDirectory: string, timeoutMs: number }} options
 * @returns {Promise<Measurement>}
 */
export function measure({ script, args, cwd, logPath, scratchDirectory, timeoutMs }) {
  const peakPath = join(scratchDirectory, "peak-memory.txt");
  rmSync(peakPath, { force: true });
  const nodeCommand = [process.execPath, script, ...args];
  /** @type {[string, string[]]} */
  const [command, commandArgs] =
    PEAK_MEMORY_SOURCE === "GNU time"
      ? [GNU_TIME, ["-f", "%M", "-o", peakPath, ...nodeCommand]]
      : [process.execPath, ["--import", MAX_RSS_PRELOAD, script, ...args]];
  const env = { ...process.env, BENCH_MAX_RSS_FILE: peakPath };

  const log = openSync(logPath, "w");
  const started = performance.now();
  const child = spawn(command, commandArgs, { cwd, env, stdio: ["ignore", log, log], detached: true });
  running = child;

  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killRunningChild();
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      closeSync(log);
      running = undefined;
      reject(error);
    });
    child.on("exit", (exitCode, signal) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      closeSync(log);
      running = undefined;
      resolve({ wallMs, peakBytes: readPeakBytes(peakPath), exitCode, signal, timedOut });
    });
  });
}
