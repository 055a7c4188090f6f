/** Before the browser tests: a fresh production build when dist/ is stale, then a static server on 127.0.0.1. */
import * as path from "node:path";
import { DIST, ROOT, buildDist, distIsStale } from "./build";
import { startStaticServer } from "./server";

export default async function globalSetup(): Promise<void> {
  if (distIsStale()) {
    const started = Date.now();
    buildDist();
    process.stdout.write(`\nBuilt dist/ for the browser tests in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  }
  const server = await startStaticServer([
    { prefix: "/", directory: DIST },
    { prefix: "/office-js", directory: path.join(ROOT, "node_modules/@microsoft/office-js/dist") },
    { prefix: "/examples", directory: path.join(ROOT, "examples") },
  ]);
  // Workers start after this and inherit the environment; the server itself is only for globalTeardown to close.
  process.env.E2E_ORIGIN = server.origin;
  (globalThis as { __e2eServer?: typeof server }).__e2eServer = server;
}
