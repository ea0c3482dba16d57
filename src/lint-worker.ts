/**
 * A worker thread of the lint pool (lint-pool.ts): it lints one file per request, with the
 * configuration it finds for that file, and posts the result back.
 */

import { parentPort, workerData } from "node:worker_threads";
import { ConfigResolver } from "./config/resolve.js";
import { lintFile } from "./lint-files.js";
import type { WorkerData, WorkerReply, WorkerRequest } from "./lint-pool.js";

const port = parentPort;
if (!port) throw new Error("lint-worker.js runs only as a worker thread of tmlint's lint pool");

const resolver = new ConfigResolver((workerData as WorkerData).loadOptions);

port.on("message", (request: WorkerRequest) => {
  void lintRequest(request).then((reply) => port.postMessage(reply));
});
port.postMessage({ type: "ready" } satisfies WorkerReply);

async function lintRequest({ id, path }: WorkerRequest): Promise<WorkerReply> {
  try {
    const result = await lintFile(path, { config: await resolver.forFile(path) });
    return { type: "result", id, result };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return { type: "error", id, message: failure.message, stack: failure.stack };
  }
}
