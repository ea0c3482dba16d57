/**
 * Linting files on worker threads: many files at once on the available cores, and files that
 * may be slow to parse under a time limit. A worker that runs past the limit is terminated
 * and its file gets a result that reports the timeout, so one pathological file cannot hang
 * a run.
 */

import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { LoadConfigOptions } from "./config/types.js";
import type { LintResult } from "./types.js";

/** The compiled worker script; absent when tmlint runs from its TypeScript sources (tests). */
const WORKER_URL = new URL("./lint-worker.js", import.meta.url);

/** Tells whether worker threads can be used: only from the compiled package. */
export function workersAvailable(): boolean {
  return WORKER_URL.protocol === "file:" && existsSync(fileURLToPath(WORKER_URL));
}

/** Returns the number of files to lint at once: the number of cores. */
export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

/** A message from the main thread: lint this file. */
export interface WorkerRequest {
  id: number;
  path: string;
}

/** A message from a worker: ready for work, a result, or a failure that is a bug in tmlint. */
export type WorkerReply =
  | { type: "ready" }
  | { type: "result"; id: number; result: LintResult }
  | { type: "error"; id: number; message: string; stack: string | undefined };

/** The data a worker starts with: how to find each file's configuration. */
export interface WorkerData {
  loadOptions: LoadConfigOptions;
}

export interface PoolOptions {
  loadOptions: LoadConfigOptions;
  /** Seconds one file may take in a worker, scaled by `fileTimeLimit`; 0 for no limit. */
  maxFileTime: number;
  /** The maximum number of workers. */
  size: number;
}

interface Task {
  id: number;
  path: string;
  /** The file's size in bytes, which scales its time limit. */
  bytes: number;
  resolve: (result: LintResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | undefined;
  timer: NodeJS.Timeout | undefined;
}

/** The maximum delay of setTimeout, in milliseconds: the largest signed 32-bit integer. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Bytes of file size that add `--max-file-time` once more to a file's limit. */
export const BYTES_PER_TIME_STEP = 4 * 1024 * 1024;

/**
 * Returns the seconds a file of `bytes` may take: `maxFileTime`, and `maxFileTime` more for
 * every 4 MB, so that a large but ordinary document (20 MB took 31 s on a loaded 2-core
 * machine) is not stopped while a small file that parses slowly still is.
 */
export function fileTimeLimit(maxFileTime: number, bytes: number): number {
  return maxFileTime * (1 + bytes / BYTES_PER_TIME_STEP);
}

/** Returns the `fatal` text of a file that ran past its time limit. */
export function tooSlowMessage(maxFileTime: number, bytes: number): string {
  const limit = fileTimeLimit(maxFileTime, bytes);
  const shown = Number.isInteger(limit) ? String(limit) : limit.toFixed(1);
  const size = bytes < BYTES_PER_TIME_STEP / 4 ? "" : ` for its ${(bytes / 1e6).toFixed(1)} MB`;
  return `too slow to lint: stopped after ${shown} s, the --max-file-time ${maxFileTime} limit${size}; split the file, or raise the limit (0 turns it off)`;
}

/**
 * A pool of worker threads that lint files by path. Workers start on first use, at most
 * `size` of them. Each finds its files' configuration itself from `loadOptions`, because
 * rules are functions and cannot be sent to a thread.
 */
export class LintPool {
  private readonly options: PoolOptions;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private closed = false;

  constructor(options: PoolOptions) {
    this.options = options;
  }

  /** Lints one file of `bytes` on a worker. Resolves with a `fatal` result when the file takes too long. */
  lint(path: string, bytes: number): Promise<LintResult> {
    if (this.closed) return Promise.reject(new Error("the lint pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, path, bytes, resolve, reject });
      this.dispatch();
    });
  }

  /** Terminates every worker. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => this.stop(slot)));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.ready && slot.task === undefined) this.start(slot, this.queue.shift() as Task);
    }
    const busy = this.slots.filter((slot) => !slot.ready || slot.task !== undefined).length;
    const waiting = this.queue.length - (this.slots.length - busy);
    for (let started = 0; started < waiting && this.slots.length < this.options.size; started++) this.spawn();
  }

  private spawn(): void {
    const data: WorkerData = { loadOptions: this.options.loadOptions };
    const worker = new Worker(WORKER_URL, { workerData: data });
    const slot: Slot = { worker, ready: false, task: undefined, timer: undefined };
    this.slots.push(slot);

    worker.on("message", (reply: WorkerReply) => {
      if (reply.type === "ready") {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const task = this.finish(slot);
      if (!task || task.id !== reply.id) return;
      if (reply.type === "result") task.resolve(reply.result);
      else task.reject(Object.assign(new Error(reply.message), reply.stack ? { stack: reply.stack } : {}));
      this.dispatch();
    });

    // A worker that dies (out of memory, or a crash in native code) fails only its file.
    worker.on("error", (error) => {
      const task = this.finish(slot);
      this.remove(slot);
      task?.resolve(failedResult(task.path, `could not be linted: ${error.message}`));
      this.dispatch();
    });
    worker.on("exit", () => {
      const task = this.finish(slot);
      this.remove(slot);
      task?.resolve(failedResult(task.path, "could not be linted: its worker thread exited"));
      if (!this.closed) this.dispatch();
    });
  }

  private start(slot: Slot, task: Task): void {
    slot.task = task;
    const request: WorkerRequest = { id: task.id, path: task.path };
    slot.worker.postMessage(request);
    const { maxFileTime } = this.options;
    const limitMs = fileTimeLimit(maxFileTime, task.bytes) * 1000;
    // A longer delay than setTimeout can hold (about 24.8 days) would fire at once, so such a
    // limit is no limit.
    if (maxFileTime > 0 && limitMs <= MAX_TIMER_MS) {
      slot.timer = setTimeout(() => {
        const timedOut = this.finish(slot);
        this.remove(slot);
        void this.stop(slot);
        timedOut?.resolve(failedResult(timedOut.path, tooSlowMessage(maxFileTime, timedOut.bytes)));
        this.dispatch();
      }, limitMs);
    }
  }

  /** Clears a slot's task and timer and returns the task. */
  private finish(slot: Slot): Task | undefined {
    const task = slot.task;
    slot.task = undefined;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = undefined;
    return task;
  }

  private remove(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
  }

  private async stop(slot: Slot): Promise<void> {
    slot.worker.removeAllListeners("exit");
    slot.worker.removeAllListeners("error");
    // An error event may still come while the thread ends; it concerns no file any more.
    slot.worker.on("error", () => undefined);
    await slot.worker.terminate();
  }
}

function failedResult(filePath: string, fatal: string): LintResult {
  return { filePath, diagnostics: [], errorCount: 0, warningCount: 0, fatal };
}

/** Files above this size are linted on a worker thread under the time limit. */
export const LARGE_FILE_BYTES = 512 * 1024;

/**
 * Inline markup characters in one block (a run of non-blank lines) above which a file is
 * linted on a worker under the time limit. remark's inline parsing is superlinear on long
 * runs of emphasis and strikethrough markers, brackets, pipes, backslashes and backticks in
 * one paragraph (64 KB of `~a` took 9.7 s to parse):
 * 10,000 such characters in each of 75 cells took it from 4 to 90 s (measured on a loaded
 * 2-core machine). Ordinary 50-threat documents stay near 4,000 in their largest table.
 */
export const DENSE_BLOCK_MARKERS = 10_000;

/**
 * Block-quote and list markers at the start of one line above which a file is linted on a
 * worker under the time limit: micromark's cost grows with the square of the nesting
 * depth, and 10,000 nested list items on one line took it 38 s (loaded 2-core machine).
 */
export const DEEP_NESTING_MARKERS = 100;

/**
 * Leading whitespace, in columns (a tab counts 4), above which a file is linted on a worker
 * under the time limit. List items nested one per line each indent further, and micromark's
 * cost grows faster than the input: on a 2-core machine, 400 levels (160 KB) took 1.8 s to
 * parse and 700 levels (490 KB) 9 s.
 * Ordinary documents do not indent 200 columns.
 */
export const DEEP_INDENT_COLUMNS = 200;

/**
 * Tells whether a text may be slow to parse: large, with a block dense in inline markup, or
 * with a line that opens very many nested block quotes or lists or is indented very deeply.
 */
export function mayBeSlow(text: string): boolean {
  if (text.length > LARGE_FILE_BYTES) return true;
  let markers = 0;
  let lineStart = true;
  let lineHasContent = false;
  for (let index = 0; index < text.length; index++) {
    if (lineStart) {
      lineStart = false;
      if (nestingMarkersAt(text, index) > DEEP_NESTING_MARKERS) return true;
      if (indentColumns(text, index) > DEEP_INDENT_COLUMNS) return true;
    }
    const code = text.charCodeAt(index);
    switch (code) {
      case 13: // CR, alone or before LF
      case 10: // LF
        if (code === 13 && text.charCodeAt(index + 1) === 10) index++;
        // A blank line ends the block.
        if (!lineHasContent) markers = 0;
        lineHasContent = false;
        lineStart = true;
        break;
      case 32: // space
      case 9: // tab
        break;
      case 42: // *
      case 95: // _
      case 91: // [
      case 93: // ]
      case 124: // |
      case 92: // \
      case 96: // `
      case 60: // <
      case 126: // ~
        lineHasContent = true;
        if (++markers > DENSE_BLOCK_MARKERS) return true;
        break;
      default:
        lineHasContent = true;
    }
  }
  return false;
}

/** Counts the block-quote (`>`) and list (`-`, `+`, `*`, `1.`, `1)`) markers that open the line at `start`. */
function nestingMarkersAt(text: string, start: number): number {
  let count = 0;
  let index = start;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 32 || code === 9) {
      index++;
    } else if (code === 62 /* > */) {
      count++;
      index++;
    } else if ((code === 45 || code === 43 || code === 42) /* - + * */ && isSpaceOrTab(text.charCodeAt(index + 1))) {
      count++;
      index += 2;
    } else if (code >= 48 && code <= 57) {
      let end = index;
      while (end < text.length && end - index < 9 && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
      const delimiter = text.charCodeAt(end);
      if ((delimiter !== 46 && delimiter !== 41) /* . ) */ || !isSpaceOrTab(text.charCodeAt(end + 1))) break;
      count++;
      index = end + 2;
    } else {
      break;
    }
  }
  return count;
}

/** Counts the columns of whitespace that start the line at `start`, up to one past the limit. */
function indentColumns(text: string, start: number): number {
  let columns = 0;
  for (let index = start; index < text.length && columns <= DEEP_INDENT_COLUMNS; index++) {
    const code = text.charCodeAt(index);
    if (code === 32) columns++;
    else if (code === 9) columns += 4;
    else break;
  }
  return columns;
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}
