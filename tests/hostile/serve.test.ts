/**
 * The dev server of `career-atlas serve` against a hostile browser or page: request paths that
 * try to leave the site folder or to turn a redirect into one to another host, Host headers of a
 * foreign (DNS-rebound) name, and a port another program holds.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { createServer, type AddressInfo, type Server } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENTS_PATH, PortInUseError, RELOAD_PATH, RELOAD_SCRIPT, startServer, type DevServer } from "../../src/site/serve.ts";
import { cli, tempDir } from "./helpers.ts";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Sends `target` as it is (no client tidies it) with the given Host header; `null` sends none.
 * node:http rather than fetch, which cannot set Host.
 */
function send(port: number, target: string, host: string | null, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path: target, method, setHost: false, headers: host === null ? {} : { host } },
      (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end();
  });
}

let root: string;
let outside: string;
let server: DevServer;
let origin: string;

beforeAll(async () => {
  root = await tempDir();
  outside = await tempDir();
  await writeFile(path.join(outside, "secret.txt"), "outside the site\n");
  await mkdir(path.join(root, "skills"), { recursive: true });
  await mkdir(path.join(root, "roles"), { recursive: true });
  await writeFile(path.join(root, "index.html"), "<!DOCTYPE html><html><body><p>home</p></body></html>");
  await writeFile(path.join(root, "skills", "index.html"), "<!DOCTYPE html><html><body><p>skills</p></body></html>");
  await writeFile(path.join(root, "404.html"), "<!DOCTYPE html><html><body><p>missing</p></body></html>");
  await writeFile(path.join(root, "data.json"), "{}\n");
  await symlink(path.join(outside, "secret.txt"), path.join(root, "leak.txt"));
  await symlink(outside, path.join(root, "elsewhere"));
  server = await startServer(root, 0);
  origin = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
});

/** The Location of a redirect, which must stay on the server's own origin. */
function ownLocation(answer: Answer): string | undefined {
  const location = answer.headers.location;
  if (location === undefined) return undefined;
  expect(typeof location).toBe("string");
  const text = location as string;
  expect(text).toMatch(/^\/(?![/\\])/);
  expect(new URL(text, origin).origin).toBe(origin);
  return text;
}

describe("request paths", () => {
  it.each([
    // The attacker's request: before the fix, 301 to //evil.example/../skills/.
    ["/%2Fevil.example%2F..%2Fskills", 301, "/skills/"],
    ["/%2Fevil.example%2F..%2Fskills?q=a%20b", 301, "/skills/?q=a%20b"],
    ["//evil.example/..%2Fskills", 301, "/skills/"],
    ["/%2F%2Fevil.example%2F..%2F..%2Fskills", 404, undefined],
    ["/roles/..%2Fskills", 301, "/skills/"],
    ["//evil.example/", 404, undefined],
    ["//evil.example", 404, undefined],
    ["/%5C%5Cevil.example/", 400, undefined],
    ["/\\\\evil.example/", 400, undefined],
    ["/skills\\..\\..\\", 400, undefined],
    ["/..%2F..%2Fetc%2Fpasswd", 404, undefined],
    ["/%2e%2e/", 404, undefined],
    ["/%2E%2E%2F%2E%2E%2Fetc/passwd", 404, undefined],
    ["/skills/../../skills/", 404, undefined],
    ["/index.html%00.json", 400, undefined],
    ["/%E0%A4%A", 400, undefined],
    ["http://evil.example/skills", 400, undefined],
  ])("%s answers %i and no Location off the origin", async (target, status, location) => {
    const answer = await send(server.port, target, `127.0.0.1:${server.port}`);
    expect(answer.status).toBe(status);
    expect(ownLocation(answer)).toBe(location);
    expect(answer.body).not.toContain("<p>home</p>");
    expect(answer.body).not.toContain("root:");
  });

  it("serves nothing a symbolic link in the site leads to outside it", async () => {
    for (const target of ["/leak.txt", "/elsewhere/secret.txt", "/elsewhere/"]) {
      const answer = await send(server.port, target, `localhost:${server.port}`);
      expect([target, answer.status]).toEqual([target, 404]);
      expect(answer.body).not.toContain("outside the site");
      expect(answer.body).toContain("<p>missing</p>");
    }
  });

  it("keeps the ordinary answers: redirect to the slash, index.html, 404 page, reload script, HEAD", async () => {
    const host = `localhost:${server.port}`;
    const redirect = await send(server.port, "/skills?x=1", host);
    expect([redirect.status, ownLocation(redirect)]).toEqual([301, "/skills/?x=1"]);
    const page = await send(server.port, "/skills/", host);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<p>skills</p>${RELOAD_SCRIPT}</body>`);
    // A `..` that stays inside the site is resolved, not refused.
    expect((await send(server.port, "/skills/../data.json", host)).body).toBe("{}\n");
    const head = await send(server.port, "/skills/", host, "HEAD");
    expect([head.status, head.body, head.headers["content-type"]]).toEqual([200, "", "text/html; charset=utf-8"]);
    const missing = await send(server.port, "/nope/", host);
    expect(missing.status).toBe(404);
    expect(missing.body).toContain(`<p>missing</p>${RELOAD_SCRIPT}`);
    expect((await send(server.port, "/", host)).body).toContain("<p>home</p>");
  });
});

describe("Host header", () => {
  it.each(["localhost", "127.0.0.1", "[::1]"])("serves %s, with or without its port", async (name) => {
    for (const host of [name, `${name}:${server.port}`, name.toUpperCase()]) {
      const answer = await send(server.port, "/", host);
      expect([host, answer.status]).toEqual([host, 200]);
      expect(answer.body).toContain("<p>home</p>");
    }
  });

  it.each([
    "evil.example",
    "evil.example:PORT",
    "localhost.evil.example",
    "127.0.0.1.nip.io:PORT",
    "localhost.",
    "127.0.0.1:1",
    "[::1]:1",
    "",
  ])("refuses the Host %j with 421 and nothing of the site", async (template) => {
    const host = template.replace("PORT", String(server.port));
    for (const target of ["/", "/skills/", "/data.json", "/nope/", RELOAD_PATH, EVENTS_PATH]) {
      const answer = await send(server.port, target, host);
      expect([target, answer.status]).toEqual([target, 421]);
      expect(answer.headers["content-type"]).toBe("text/plain; charset=utf-8");
      expect(answer.headers.location).toBeUndefined();
      expect(answer.body).toMatch(/^This server answers only http:\/\/localhost:\d+\/, .+\n$/);
      expect(answer.body).not.toContain("<p>");
      expect(answer.body).not.toContain("EventSource");
    }
  });

  it("refuses a request without a Host header", async () => {
    // Node answers an HTTP/1.1 request without Host with 400 before the server sees it.
    for (const target of ["/", RELOAD_PATH, EVENTS_PATH]) {
      const answer = await send(server.port, target, null);
      expect([target, answer.status]).toEqual([target, 400]);
      expect(answer.body).not.toContain("<p>");
      expect(answer.body).not.toContain("EventSource");
    }
  });
});

describe("a busy port", () => {
  let holder: Server;
  let busy: number;

  beforeAll(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    busy = (holder.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => holder.close(() => resolve()));
  });

  it("is a PortInUseError from startServer", async () => {
    const error = await startServer(root, busy).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as PortInUseError).port).toBe(busy);
  });

  it("is one line naming the port and --port, exit 1, after a whole first build", async () => {
    const parent = await tempDir();
    const output = path.join(parent, "site");
    const run = await cli("serve", "--input", "seeds/machine-learning-engineer-transitions.md", "--output", output, "--port", String(busy), "--no-cache");
    expect(run.code).toBe(1);
    // The build's own report (info about the seed) comes first; the error is the last line, alone.
    expect(run.stderr.trimEnd().split("\n").at(-1)).toBe(
      `career-atlas serve: port ${busy} is already in use; pick another with --port <n>, or --port 0 for any free port`,
    );
    expect(run.stderr).not.toMatch(/EADDRINUSE|Error|^\s+at /m);
    expect(run.stdout).toMatch(/^Built 1 role, /);
    expect(run.stdout).not.toContain("Serving");
    // The build before listening finished: the site is whole, and no temporary sibling is left.
    expect(existsSync(path.join(output, "index.html"))).toBe(true);
    expect(existsSync(path.join(output, "pagefind"))).toBe(true);
    expect(await readdir(parent)).toEqual(["site"]);
  }, 20_000);
});
