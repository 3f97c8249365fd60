/**
 * A small static server for `career-atlas serve`: serves the built site on 127.0.0.1, and adds a
 * live-reload script tag to HTML as it is sent (never to the files on disk); the script, served
 * from RELOAD_PATH, listens for server-sent events and reloads the page after a rebuild.
 *
 * A page on another site can still reach a loopback port from the browser, so the server answers
 * only requests addressed to a loopback name (a DNS-rebound name is refused), resolves every path
 * inside the site folder, and redirects only to a path of its own origin.
 */
import { createReadStream } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
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

/** Thrown by `startServer` when another program listens on the port asked for. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use`);
    this.name = "PortInUseError";
  }
}

/** The names a page of the site is reached by; any other Host is a foreign (or DNS-rebound) name. */
const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

function hostAllowed(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const name = host.toLowerCase();
  return LOOPBACK_NAMES.some((allowed) => name === allowed || name === `${allowed}:${port}`);
}

/** A request path, decoded once and resolved: its segments inside the site folder, or why it is refused. */
type Resolved = { segments: string[]; directory: boolean } | { status: 400 | 404 };

/**
 * Resolves the path of a request target (origin-form only: an absolute URL or `*` is refused).
 * The path is decoded once, before it is split, so an encoded slash separates segments like a
 * plain one and cannot smuggle a `..` past this check; a `..` that would leave the root is 404, as
 * a file outside the site does not exist for it.
 */
function resolveRequestPath(target: string): Resolved {
  if (!target.startsWith("/")) return { status: 400 };
  const raw = target.split("?", 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return { status: 400 };
  const segments: string[] = [];
  for (const segment of decoded.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.pop() === undefined) return { status: 404 };
    } else segments.push(segment);
  }
  const last = decoded.split("/").at(-1);
  return { segments, directory: segments.length === 0 || last === "" || last === "." || last === ".." };
}

/** The path a redirect may name: one leading `/`, every segment encoded, so never `//`, `/\\` or a scheme. */
function ownPath(segments: string[], query: string): string {
  const search = query ? new URL(`http://localhost/?${query}`).search : "";
  return `${segments.map((segment) => `/${encodeURIComponent(segment)}`).join("")}/${search}`;
}

async function inside(root: string, file: string): Promise<boolean> {
  // A symbolic link in the site must not lead out of it either.
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
  return realFile === realRoot || realFile.startsWith(realRoot + path.sep);
}

/** The file to send, or "directory" for a directory asked for without its trailing slash. */
async function fileAt(root: string, resolved: { segments: string[]; directory: boolean }): Promise<{ file: string } | "directory" | null> {
  const target = path.join(root, ...resolved.segments);
  try {
    const info = await stat(target);
    if (!(await inside(root, target))) return null;
    if (info.isDirectory()) {
      if (!resolved.directory) return "directory";
      const index = path.join(target, "index.html");
      return (await stat(index)).isFile() && (await inside(root, index)) ? { file: index } : null;
    }
    return info.isFile() && !resolved.directory ? { file: target } : null;
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

function refuse(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": TYPES[".txt"]!, "cache-control": "no-store", "x-content-type-options": "nosniff" }).end(`${text}\n`);
}

/**
 * Starts serving `root` on 127.0.0.1.
 * @param root the site folder (read on every request, so a swapped-in rebuild is served at once)
 * @param port the port; 0 picks a free one
 * @throws PortInUseError when the port is taken
 */
export async function startServer(root: string, port: number): Promise<DevServer> {
  const host = "127.0.0.1";
  const clients = new Set<ServerResponse>();
  let listening = port;
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req.headers.host, listening)) {
      refuse(res, 421, `This server answers only http://localhost:${listening}/, http://127.0.0.1:${listening}/ and http://[::1]:${listening}/.`);
      return;
    }
    const target = req.url ?? "/";
    const pathname = target.split("?", 1)[0]!;
    const query = target.slice(pathname.length + 1);
    if (pathname === EVENTS_PATH) {
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    if (pathname === RELOAD_PATH) {
      res.writeHead(200, { "content-type": TYPES[".js"]!, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : RELOAD_SOURCE);
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const head = req.method === "HEAD";
    const resolved = resolveRequestPath(target);
    if ("status" in resolved && resolved.status === 400) {
      refuse(res, 400, "Bad request: the path is not one of this site's.");
      return;
    }
    const found = "segments" in resolved ? await fileAt(root, resolved) : null;
    if (found === "directory" && "segments" in resolved) {
      res.writeHead(301, { location: ownPath(resolved.segments, query) }).end();
    } else if (found && found !== "directory") {
      const ext = path.extname(found.file).toLowerCase();
      if (ext === ".html") await sendHtml(res, found.file, 200, head);
      else {
        res.writeHead(200, { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": "no-store" });
        if (head) res.end();
        else createReadStream(found.file).on("error", () => res.destroy()).pipe(res);
      }
    } else {
      try {
        await sendHtml(res, path.join(root, "404.html"), 404, head);
      } catch {
        res.writeHead(404, { "content-type": TYPES[".txt"]! }).end("Not found\n");
      }
    }
  };
  const server = createServer((req, res) => {
    answer(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "EADDRINUSE" ? new PortInUseError(port) : error));
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  listening = actual;
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
