#!/usr/bin/env node
/**
 * The `tmlint` executable. It sets the exit code and lets Node exit on its own, so that
 * output piped to another program is flushed in full.
 */

import { EXIT_FAILURE, run } from "./run.js";

// A reader that closes the pipe early (`tmlint … | head`) is not a failure of tmlint.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
});

run(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug in tmlint itself: say so in one line; the stack only when asked for.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`tmlint: internal error: ${message}\n`);
    if (process.env.TMLINT_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT_FAILURE;
  },
);
