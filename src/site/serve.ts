/**
 * A small static server for `career-atlas serve`: serves the built site on 127.0.0.1, and adds a
 * live-reload script tag to HTML as it is sent (never to the files on disk); the script, served
 * from RELOAD_PATH, listens for server-sent events and reloads the page after a rebuild.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export const EVENTS_PATH = "/__career-atlas/events";

/** Where the server serves the live-reload script (an external file, so a Content-Security-Policy allowing only the site's own scripts lets it run). */
export const RELOAD_PATH = "/__career-atlas/reload.js";

/** The live-reload script itself. */
export const RELOAD_SOURCE = `new EventSource(${JSON.stringify(EVENTS_PATH)}).addEventListener("reload", () => location.reload());\n`;

/** The tag added before `</body>` of every HTML response. */
export const RELOAD_SCRIPT = `<script src="${RELOAD_PATH}"></script>`;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".ics": "text/calendar; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

export interface DevServer {
  url: string;
  port: number;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

async function fileAt(root: string, pathname: string): Promise<{ file: string } | { redirect: string } | null> {
  const target = path.join(root, pathname);
  if (target !== root && !target.startsWith(root + path.sep)) return null;
  try {
    const info = await stat(target);
    if (info.isDirectory()) {
      if (!pathname.endsWith("/")) return { redirect: `${pathname}/` };
      const index = path.join(target, "index.html");
      return (await stat(index)).isFile() ? { file: index } : null;
    }
    return info.isFile() ? { file: target } : null;
  } catch {
    return null;
  }
}

function withReload(html: string): string {
  const at = html.lastIndexOf("</body>");
  return at === -1 ? html + RELOAD_SCRIPT : html.slice(0, at) + RELOAD_SCRIPT + html.slice(at);
}

async function sendHtml(res: ServerResponse, file: string, status: number, head: boolean): Promise<void> {
  const body = withReload(await readFile(file, "utf8"));
  res.writeHead(status, { "content-type": TYPES[".html"]!, "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
  res.end(head ? undefined : body);
}

/**
 * Starts serving `root`.
 * @param root the site folder (read on every request, so a swapped-in rebuild is served at once)
 * @param port the port; 0 picks a free one
 * @param host the address to listen on; loopback only by default
 */
export async function startServer(root: string, port: number, host = "127.0.0.1"): Promise<DevServer> {
  const clients = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === EVENTS_PATH) {
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
        res.write(": connected\n\n");
        clients.add(res);
        req.on("close", () => clients.delete(res));
        return;
      }
      if (url.pathname === RELOAD_PATH) {
        res.writeHead(200, { "content-type": TYPES[".js"]!, "cache-control": "no-store" });
        res.end(req.method === "HEAD" ? undefined : RELOAD_SOURCE);
        return;
      }
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
        return;
      }
      const head = req.method === "HEAD";
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        res.writeHead(400).end();
        return;
      }
      const found = pathname.includes("\0") ? null : await fileAt(root, pathname);
      if (found && "redirect" in found) {
        res.writeHead(301, { location: encodeURI(found.redirect) + url.search }).end();
      } else if (found) {
        const ext = path.extname(found.file).toLowerCase();
        if (ext === ".html") await sendHtml(res, found.file, 200, head);
        else {
          res.writeHead(200, { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": "no-store" });
          if (head) res.end();
          else createReadStream(found.file).on("error", () => res.destroy()).pipe(res);
        }
      } else {
        const notFound = path.join(root, "404.html");
        try {
          await sendHtml(res, notFound, 404, head);
        } catch {
          res.writeHead(404, { "content-type": TYPES[".txt"]! }).end("Not found\n");
        }
      }
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    reload(): void {
      for (const client of clients) client.write("event: reload\ndata: {}\n\n");
    },
    async close(): Promise<void> {
      for (const client of clients) client.end();
      clients.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
