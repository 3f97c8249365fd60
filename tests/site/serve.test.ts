import { existsSync } from "node:fs";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { get } from "node:http";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runServe } from "../../src/cli.ts";
import { RELOAD_PATH, RELOAD_SCRIPT, RELOAD_SOURCE, startServer, EVENTS_PATH } from "../../src/site/serve.ts";
import { Capture, listFiles, tempDir } from "./helpers.ts";

async function site(): Promise<string> {
  const root = await tempDir();
  await mkdir(path.join(root, "roles", "a"), { recursive: true });
  await writeFile(path.join(root, "index.html"), "<!DOCTYPE html><html><body><p>home</p></body></html>");
  await writeFile(path.join(root, "roles", "a", "index.html"), "<!DOCTYPE html><html><body><p>a</p></body></html>");
  await writeFile(path.join(root, "404.html"), "<!DOCTYPE html><html><body><p>missing</p></body></html>");
  await writeFile(path.join(root, "data.json"), "{}\n");
  return root;
}

function rawGet(port: number, requestPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: "127.0.0.1", port, path: requestPath }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

/** Waits for the first server-sent event named `name`. */
/**
 * Listens to the server's event stream: `connected` settles once the server has taken the client
 * on (its ": connected" comment arrived), `event` with the stream's text once `name` arrives.
 */
function nextEvent(url: string, name: string, signal: AbortSignal): { connected: Promise<void>; event: Promise<string> } {
  let connect: () => void = () => {};
  const connected = new Promise<void>((resolve) => (connect = resolve));
  const event = (async () => {
    const response = await fetch(url, { signal });
    const reader = response.body!.getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error("event stream ended");
      buffer += new TextDecoder().decode(value);
      if (buffer.includes(": connected")) connect();
      if (buffer.includes(`event: ${name}`)) {
        await reader.cancel();
        return buffer;
      }
    }
  })();
  return { connected, event };
}

describe("startServer", () => {
  it("serves the site on 127.0.0.1 and adds the reload script to HTML only", async () => {
    const root = await site();
    const server = await startServer(root, 0);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const home = await fetch(server.url);
      expect(home.status).toBe(200);
      expect(home.headers.get("content-type")).toContain("text/html");
      const body = await home.text();
      expect(body).toContain("<p>home</p>");
      expect(body).toContain(`${RELOAD_SCRIPT}</body>`);
      // An external script, so that a Content-Security-Policy allowing only the site's own scripts lets it run.
      expect(RELOAD_SCRIPT).toMatch(/^<script src="[^"]+"><\/script>$/);
      const script = await fetch(new URL(RELOAD_PATH, server.url));
      expect(script.headers.get("content-type")).toContain("text/javascript");
      expect(await script.text()).toBe(RELOAD_SOURCE);
      expect(RELOAD_SOURCE).toContain(EVENTS_PATH);
      // The file on disk stays free of it.
      expect(await readFile(path.join(root, "index.html"), "utf8")).not.toContain("<script");
      const json = await fetch(new URL("data.json", server.url));
      expect(json.headers.get("content-type")).toContain("application/json");
      expect(await json.text()).toBe("{}\n");
      expect((await fetch(new URL("roles/a/", server.url))).status).toBe(200);
      const redirect = await fetch(new URL("roles/a", server.url), { redirect: "manual" });
      expect([redirect.status, redirect.headers.get("location")]).toEqual([301, "/roles/a/"]);
    } finally {
      await server.close();
    }
  });

  it("answers 404 with the site's 404 page and never leaves the folder", async () => {
    const root = await site();
    const server = await startServer(path.join(root, "roles"), 0);
    try {
      const missing = await fetch(new URL("nope/", server.url));
      expect(missing.status).toBe(404);
      // A raw request, so that no client tidies the path first.
      const escape = await rawGet(server.port, "/..%2Findex.html");
      expect(escape.status).toBe(404);
      expect(escape.body).not.toContain("<p>home</p>");
    } finally {
      await server.close();
    }
    const full = await startServer(root, 0);
    try {
      const missing = await fetch(new URL("nope/", full.url));
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain("<p>missing</p>");
    } finally {
      await full.close();
    }
  });

  it("tells open pages to reload", async () => {
    const server = await startServer(await site(), 0);
    const controller = new AbortController();
    try {
      const { connected, event } = nextEvent(new URL(EVENTS_PATH, server.url).href, "reload", controller.signal);
      await connected;
      server.reload();
      expect(await event).toContain("event: reload");
    } finally {
      controller.abort();
      await server.close();
    }
  });
});

describe("runServe", () => {
  it("builds, serves, and rebuilds when an input changes", async () => {
    const input = path.join(await tempDir("career-atlas-input-"), "guides");
    await cp("seeds", input, { recursive: true });
    const output = path.join(await tempDir(), "site");
    // Without the cache (the CLI's --no-cache): the session reuses its own pages, and writes no cache.
    const cacheDir = path.join(await tempDir(), "cache");
    const controller = new AbortController();
    const rebuilt: number[] = [];
    let onRebuild: (code: number) => void = () => {};
    let ready: (url: string) => void = () => {};
    const started = new Promise<string>((resolve) => (ready = resolve));
    const stdout = new Capture();
    const serving = runServe({
      inputs: [input],
      output,
      cache: false,
      cacheDir,
      port: 0,
      stdout,
      stderr: new Capture(),
      signal: controller.signal,
      onReady: (url) => ready(url),
      onRebuild: (code) => {
        rebuilt.push(code);
        onRebuild(code);
      },
    });
    try {
      const url = await started;
      const home = await (await fetch(url)).text();
      expect(home).toContain("Machine Learning Engineer");
      expect(home).toContain(RELOAD_SCRIPT);
      const events = new AbortController();
      const { connected, event: reload } = nextEvent(new URL(EVENTS_PATH, url).href, "reload", events.signal);
      await connected;
      const done = new Promise<number>((resolve) => (onRebuild = resolve));
      const file = path.join(input, "machine-learning-engineer-transitions.md");
      await writeFile(file, (await readFile(file, "utf8")).replace("## Overview\n", "## Overview\nNow rebuilt on change. "));
      expect(await done).toBe(0);
      expect(await reload).toContain("event: reload");
      events.abort();
      expect(await (await fetch(new URL("roles/machine-learning-engineer/", url))).text()).toContain("Now rebuilt on change.");
      expect(stdout.text).toContain(`Serving ${output} at ${url}`);
      // The rebuild rendered the edited role's pages and the whole-catalog ones (the search and my-progress pages among them), not the skills or plans.
      expect(stdout.text).toMatch(/; 8 rendered, \d+ kept from the previous build\) → /);
      expect(existsSync(cacheDir)).toBe(false);
      // The built files carry no reload script.
      for (const f of (await listFiles(output)).filter((f) => f.endsWith(".html"))) {
        const html = await readFile(path.join(output, f), "utf8");
        expect(html).not.toContain(RELOAD_PATH);
        expect(html).not.toContain(EVENTS_PATH);
      }
    } finally {
      controller.abort();
      await serving;
    }
    expect(rebuilt[0]).toBe(0);
  }, 30_000);
});
