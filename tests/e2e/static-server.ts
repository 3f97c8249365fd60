/** Serves a built site folder on 127.0.0.1 for the browser tests, as any static host would. */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".ics": "text/calendar; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The path the site is published under, as a GitHub Pages project site is ("/atlas/"); nothing is served outside it. */
  prefix?: string;
  /** Receives every path asked for. */
  onRequest?: (pathname: string) => void;
}

export async function serveFolder(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const prefix = options.prefix ?? "/";
  const server: Server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    options.onRequest?.(pathname);
    if (!pathname.startsWith(prefix)) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Nothing is published here.");
      return;
    }
    let file = path.join(root, path.normalize(pathname.slice(prefix.length - 1)));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      await stat(file);
      response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      createReadStream(path.join(root, "404.html")).on("error", () => response.end("Not found")).pipe(response);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
