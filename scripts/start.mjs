// npm start: builds and serves the add-in on port 3000 (https with the Office dev certificates where they are
// installed or can be, else http for the browser preview), then sideloads it into desktop Excel where there is one,
// or prints the preview's address and how to sideload manifest.xml into Excel on the web.
import { spawnSync } from "node:child_process";
import { X509Certificate } from "node:crypto";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// What npm stop shares with npm start: where desktop Excel is, the dev certificates, and the running server's record.
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const PORT = 3000;
export const MANIFEST = path.join(ROOT, "manifest.xml");
/** office-addin-debugging 7 cannot be installed here (keytar), and it only matters where Excel is: run 6 through npx. */
export const DEBUGGING = "office-addin-debugging@6";
export const DEV_CERTS = "office-addin-dev-certs@3";

/** What npm start writes while it runs, so npm stop knows which process to end and whether Excel was sideloaded. */
export const STATE_FILE = path.join(ROOT, "node_modules", ".cache", "session-counting", "start.json");

/** The path of desktop Excel on Windows or macOS, or null (always on Linux, where there is none). */
export function desktopExcel() {
  const candidates = [];
  if (process.platform === "win32") {
    for (const base of [process.env.ProgramFiles, process.env["ProgramFiles(x86)"], process.env.ProgramW6432]) {
      if (!base) continue;
      candidates.push(path.join(base, "Microsoft Office", "root", "Office16", "EXCEL.EXE"));
      candidates.push(path.join(base, "Microsoft Office", "Office16", "EXCEL.EXE"));
    }
  } else if (process.platform === "darwin") {
    candidates.push(
      "/Applications/Microsoft Excel.app",
      path.join(os.homedir(), "Applications", "Microsoft Excel.app"),
    );
  }
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

/** Where office-addin-dev-certs keeps the localhost certificate it made and had the system trust. */
export const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

export function readState() {
  try {
    return JSON.parse(fs.readFileSync(STATE_FILE, "utf8"));
  } catch {
    return null;
  }
}

export function writeState(state) {
  fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
  fs.writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

export function clearState() {
  fs.rmSync(STATE_FILE, { force: true });
}

/** True when a process with this id is running (signal 0 only checks). */
export function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

/** Runs a package's command through npx in the foreground (Windows runs npx.cmd, which needs a shell since Node 20.12). */
export function npx(args) {
  const windows = process.platform === "win32";
  return spawnSync(windows ? "npx.cmd" : "npx", ["--yes", ...args], { stdio: "inherit", cwd: ROOT, shell: windows });
}

const require = createRequire(import.meta.url);
const previewOnly = process.argv.includes("--preview");

function say(text = "") {
  process.stdout.write(`${text}\n`);
}

/** The dev certificate, key and CA made by office-addin-dev-certs, when present and not expired. */
function readDevCerts() {
  const files = { cert: "localhost.crt", key: "localhost.key", ca: "ca.crt" };
  const out = {};
  for (const [key, name] of Object.entries(files)) {
    const file = path.join(CERT_DIR, name);
    if (!fs.existsSync(file)) return null;
    out[key] = fs.readFileSync(file);
  }
  try {
    if (new Date(new X509Certificate(out.cert).validTo) <= new Date()) return null;
  } catch {
    return null;
  }
  return out;
}

/**
 * The dev certificates, installing them first where that can work: on Windows and macOS the user confirms the
 * trust prompt. On Linux, installing means sudo changing the system trust store, which npm start never does.
 */
function devCerts(excel) {
  const found = readDevCerts();
  if (found) return { certs: found, why: null };
  if (process.platform === "linux") {
    return {
      certs: null,
      why: "No Office dev certificates are installed, and installing them on Linux changes the system trust store with sudo, which npm start does not do.",
    };
  }
  if (!excel) {
    return {
      certs: null,
      why: `No Office dev certificates are installed; run "npx ${DEV_CERTS} install" once to serve https.`,
    };
  }
  say(`Installing the Office dev certificates (npx ${DEV_CERTS} install); confirm the prompt to trust them.`);
  const result = npx([DEV_CERTS, "install"]);
  const certs = result.status === 0 ? readDevCerts() : null;
  return certs
    ? { certs, why: null }
    : { certs: null, why: "The Office dev certificates could not be installed, so Excel cannot load the add-in." };
}

/** Resolves when the port is free on 127.0.0.1, rejects with a sentence when something already listens there. */
function checkPortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (e) =>
      reject(
        new Error(
          e.code === "EADDRINUSE"
            ? `Port ${port} is already in use (is npm start running elsewhere? npm stop ends it); the manifest expects the add-in there.`
            : `Port ${port} cannot be used: ${e.message}`,
        ),
      ),
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

async function main() {
  const previous = readState();
  if (previous && isRunning(previous.pid)) {
    throw new Error(`npm start is already running (process ${previous.pid}) at ${previous.url}; npm stop ends it.`);
  }
  await checkPortFree(PORT);

  const excel = previewOnly ? null : desktopExcel();
  const { certs, why } = devCerts(excel);
  const scheme = certs ? "https" : "http";
  const origin = `${scheme}://localhost:${PORT}`;

  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = require(path.join(ROOT, "webpack.config.js"))({}, { mode: "development" });
  config.infrastructureLogging = { level: "warn" };
  config.stats = "errors-warnings";
  const compiler = webpack(config);
  const server = new WebpackDevServer(
    {
      ...config.devServer,
      port: PORT,
      // Loopback only: the add-in's pages never leave this machine.
      host: "127.0.0.1",
      server: certs ? { type: "https", options: { key: certs.key, cert: certs.cert, ca: certs.ca } } : "http",
      open: false,
      // Live reload connects back to the host the page came from (localhost), which the preview's CSP allows.
      client: { ...config.devServer.client, webSocketURL: "auto://0.0.0.0:0/ws" },
    },
    compiler,
  );

  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    clearState();
    await server.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  const firstBuild = new Promise((resolve) => compiler.hooks.done.tap("npm-start", (stats) => resolve(stats)));
  await server.start();
  writeState({ pid: process.pid, url: origin, sideloaded: false });
  const stats = await firstBuild;
  if (stats.hasErrors())
    say("The first build failed (webpack lists why); the server keeps watching and rebuilds on save.");

  say();
  say(`Session Counting is served at ${origin}/ (a development build that rebuilds on save).`);
  if (!certs) {
    say(`  ${why}`);
    say(
      "  Serving http on localhost instead: enough for the browser preview, but Excel loads add-ins only over https.",
    );
  }
  say();
  say(`  Preview in this browser (the real task pane beside the workbook): ${origin}/preview.html`);
  say();

  if (excel && certs) {
    say(`Desktop Excel found (${excel}); sideloading manifest.xml with npx ${DEBUGGING} start.`);
    const result = npx([DEBUGGING, "start", MANIFEST, "desktop", "--app", "excel", "--dev-server-port", String(PORT)]);
    if (result.status === 0) {
      writeState({ pid: process.pid, url: origin, sideloaded: true });
      say("Excel opens with Session Counting on the Home tab. npm stop closes the add-in and this server.");
    } else {
      say("Sideloading into Excel failed (above); the preview above still works. npm stop ends the server.");
    }
  } else {
    say(excel ? "Desktop Excel is here, but it needs https to load the add-in." : "No desktop Excel on this machine.");
    say("To try the add-in in Excel on the web:");
    say(`  1. Serve it over https: on a machine where you may trust a certificate, run "npx ${DEV_CERTS} install",`);
    say("     then npm start again (Excel on the web loads the add-in from https://localhost:3000).");
    say("  2. Open a workbook in Excel on the web (OneDrive or SharePoint), then Home > Add-ins > More Add-ins >");
    say("     My Add-ins > Upload My Add-in, and choose:");
    say(`     ${MANIFEST}`);
    say();
    say("npm stop (or Ctrl+C) ends the server.");
  }
}

// Run only as a script: npm stop imports the helpers above without starting anything.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e) => {
    process.stderr.write(`npm start: ${e?.message ?? e}\n`);
    clearState();
    process.exit(1);
  });
}
