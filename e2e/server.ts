/** A small static file server for the browser tests: dist/ at /, office.js at /office-js/, examples/ at /examples/. */
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";

/** A URL prefix and the folder it serves. The longest matching prefix wins. */
export interface Mount {
  readonly prefix: string;
  readonly directory: string;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface StaticServer {
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The file a URL path names under the mounts, or null when it names none (or tries to climb out of its folder). */
export function resolveFile(mounts: readonly Mount[], urlPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  for (const { prefix, directory } of sorted) {
    const base = prefix.endsWith("/") ? prefix : `${prefix}/`;
    if (!pathname.startsWith(base) && pathname !== prefix) continue;
    const rest = pathname.slice(base.length) || "index.html";
    const file = path.resolve(directory, rest);
    if (file !== directory && !file.startsWith(directory + path.sep)) return null;
    return file;
  }
  return null;
}

/** Serves the mounts on 127.0.0.1 (never another interface) on a free port. */
export async function startStaticServer(mounts: readonly Mount[]): Promise<StaticServer> {
  const resolved = mounts.map((m) => ({ prefix: m.prefix, directory: path.resolve(m.directory) }));
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    const file = resolveFile(resolved, req.url ?? "/");
    if (!file) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-store",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
