// Bundles the compiled CLI (dist/src/cli/bin.js) and its lint worker into dist/bundle/, the
// `tmlint` executable. One file in place of about 600 modules makes a cold run about 100 ms
// faster (a 10-threat document: 428 to 326 ms, median of 11, idle 2-core machine), because
// Node.js resolves, reads and compiles each module on its own.
//
// Formatters, the export command and rarely needed code stay in chunks that load on demand.
// Packages that read files beside themselves at run time, or that load lazily through
// `require`, stay external: ajv (CommonJS, loaded on demand), jsonc-parser (UMD modules),
// yaml and write-file-atomic (loaded on demand), and yargs (its messages come from locale
// files in its own folder).

export default {
  input: { tmlint: "dist/src/cli/bin.js", "lint-worker": "dist/src/lint-worker.js" },
  platform: "node",
  external: [/^ajv/, "jsonc-parser", "yaml", "write-file-atomic", "yargs", /^yargs\//, /^node:/],
  output: {
    dir: "dist/bundle",
    // Chunk names carry a hash, so each build first empties the folder of the last one's.
    cleanDir: true,
    format: "esm",
    // The pool finds the worker as `./lint-worker.js` next to the chunk that starts it.
    entryFileNames: "[name].js",
    chunkFileNames: "[name]-[hash].js",
  },
};
