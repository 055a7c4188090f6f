/** Builds dist/ with webpack (production) when any of its sources is newer than the build, so the tests run the real bundle. */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..");
export const DIST = path.join(ROOT, "dist");

/** What the browser tests load from dist/; all of them must exist and be newer than every source. */
const OUTPUTS = ["preview.html", "preview.js", "taskpane.html", "taskpane.js", "examples/sample-practice.xlsx"];
const SOURCES = ["src", "assets", "examples", "webpack.config.js", "manifest.xml", "package.json", "tsconfig.json"];

function newestMtime(entry: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** True when dist/ lacks an output or a source changed after it was built. */
export function distIsStale(): boolean {
  let oldestOutput = Infinity;
  for (const output of OUTPUTS) {
    const file = path.join(DIST, output);
    if (!fs.existsSync(file)) return true;
    oldestOutput = Math.min(oldestOutput, fs.statSync(file).mtimeMs);
  }
  const newestSource = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  return newestSource > oldestOutput;
}

/** Runs the production build; throws with webpack's own output when it fails. */
export function buildDist(): void {
  const cli = path.join(ROOT, "node_modules/webpack-cli/bin/cli.js");
  const result = spawnSync(process.execPath, [cli, "--mode", "production"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`webpack --mode production failed:\n${result.stdout}\n${result.stderr}`);
  }
}
