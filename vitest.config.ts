import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Example plugins import "tmlint"; in tests that name resolves to the sources, not to dist/.
  resolve: { alias: { tmlint: fileURLToPath(new URL("./src/index.ts", import.meta.url)) } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20000,
  },
});
