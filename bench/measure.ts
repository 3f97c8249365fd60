/**
 * Runs a command as a child process and measures it: wall time from spawn to exit, and peak
 * resident memory. The peak is the larger of two readings: GNU time's (`/usr/bin/time -f %M`, the
 * largest single process of the tree) when it is installed, else `rss-hook.mjs` loaded into the Node
 * child; and, where there is a /proc, the sum of the resident memory of the child and all its
 * descendants (Pagefind's service, a worker pool of processes) sampled every 100 ms.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const RSS_HOOK = fileURLToPath(new URL("./rss-hook.mjs", import.meta.url));
const GNU_TIME = "/usr/bin/time";

export interface Measured {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Spawn to exit, in milliseconds. */
  wallMs: number;
  /** Peak resident set size in MiB, or null when it could not be read. */
  peakRssMb: number | null;
  /** Peak of the whole process tree's summed RSS in MiB, sampled; null without /proc. */
  peakTreeRssMb: number | null;
  /** CPU seconds (user + system) of every process of the tree, as last sampled; null without /proc. */
  cpuSeconds: number | null;
  /** The peak RSS in MiB of each program of the tree (by its command name: node, pagefind_extend…). */
  processPeaksMb: Record<string, number>;
  /** CPU seconds the machine spent outside the tree meanwhile (other work); null without /proc. */
  otherCpuSeconds: number | null;
  stdout: string;
  stderr: string;
}

let gnuTime: boolean | undefined;

/** Whether GNU time is installed and takes `-f` and `-o`. */
export function hasGnuTime(): boolean {
  if (gnuTime === undefined) {
    gnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-f", "%M", "-o", os.devNull, "true"]).status === 0;
  }
  return gnuTime;
}

/** How peak memory is measured on this machine, for the report. */
export function memoryMethod(): string {
  const single = hasGnuTime() ? "GNU time's %M" : "process.resourceUsage().maxRSS (bench/rss-hook.mjs)";
  return existsSync("/proc/self/status") ? `the larger of ${single} and the process tree's summed RSS sampled every 100 ms` : single;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (SIGKILL) after this long. */
  timeoutMs?: number;
}

/**
 * Runs `node <args>` and measures it.
 * @param args the arguments after `node`
 */
export async function runNode(args: readonly string[], options: RunOptions): Promise<Measured> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), "career-atlas-measure-"));
  const rssFile = path.join(scratch, "rss");
  try {
    const [command, argv] = hasGnuTime()
      ? [GNU_TIME, ["-f", "%M", "-o", rssFile, process.execPath, ...args]]
      : [process.execPath, ["--import", RSS_HOOK, ...args]];
    const env = { ...process.env, ...options.env, CAREER_ATLAS_BENCH_RSS: hasGnuTime() ? "" : rssFile };
    const started = performance.now();
    const child = spawn(command, argv, { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const sampler = sampleTree(child.pid!);
    const { stdout, stderr } = collect(child);
    const timer = options.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), options.timeoutMs) : null;
    const [code, signal] = await exited(child);
    const wallMs = performance.now() - started;
    if (timer) clearTimeout(timer);
    const { peakMb: tree, cpuSeconds, processPeaksMb, otherCpuSeconds } = sampler.stop();
    const single = await readRss(rssFile);
    const peak = single === null ? tree : tree === null ? single : Math.max(single, tree);
    return { code, signal, wallMs, peakRssMb: peak, peakTreeRssMb: tree, cpuSeconds, processPeaksMb, otherCpuSeconds, stdout: stdout(), stderr: stderr() };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Collects a child's output as text. */
export function collect(child: ChildProcess): { stdout: () => string; stderr: () => string } {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
  return { stdout: () => Buffer.concat(out).toString("utf8"), stderr: () => Buffer.concat(err).toString("utf8") };
}

/** Resolves with the exit code and signal once the child has exited and its output has closed. */
export function exited(child: ChildProcess): Promise<[number | null, NodeJS.Signals | null]> {
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve([code, signal]));
  });
}

/** Reads a peak RSS in KiB, as GNU time's %M or the hook writes it (GNU time may add lines before it). */
export async function readRss(file: string): Promise<number | null> {
  try {
    const lines = (await readFile(file, "utf8")).trim().split("\n");
    const kib = Number(lines[lines.length - 1]);
    return Number.isFinite(kib) && kib > 0 ? Math.round((kib / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/** The peak RSS (VmHWM) of a live process in MiB, from /proc; null where there is no /proc. */
export async function procPeakRssMb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kib = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kib ? Math.round((Number(kib) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/** Clock ticks a second, in which /proc gives CPU times. */
const TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100;

/**
 * Summed VmRSS (KiB) of `root` and every descendant, from /proc, and each one's CPU time so far
 * (user + system, in clock ticks) added to `cpu` by pid; null where there is no /proc.
 */
export function treeRssKib(root: number, cpu?: Map<number, number>, peaks?: Map<string, number>): number | null {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const children = new Map<number, number[]>();
  const ticks = new Map<number, number>();
  const names = new Map<number, string>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name, which is in brackets and may hold spaces: state, ppid, …
      // utime and stime are the 12th and 13th of them (every thread's, workers included).
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(pid));
      children.set(ppid, list);
      ticks.set(Number(pid), Number(fields[11]) + Number(fields[12]));
      names.set(Number(pid), stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")));
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    try {
      const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      total += kib;
      const name = names.get(pid) ?? "?";
      if (peaks && kib > (peaks.get(name) ?? 0)) peaks.set(name, kib);
    } catch {
      // Ended.
    }
    const used = ticks.get(pid);
    if (cpu && used !== undefined && used >= (cpu.get(pid) ?? 0)) cpu.set(pid, used);
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Samples a process tree every `everyMs` until stopped: the peak of its summed RSS, and the CPU time
 * of each process that was in it. A process's CPU is as last seen, so the last `everyMs` of each is
 * missed, and Pagefind's service (killed, never waited for) is counted, which GNU time's does not.
 * @returns stop(), giving the peak in MiB and the CPU seconds (null without /proc)
 */
export function sampleTree(root: number, everyMs = 100): { stop(): { peakMb: number | null; cpuSeconds: number | null; processPeaksMb: Record<string, number>; otherCpuSeconds: number | null } } {
  if (!existsSync(`/proc/${root}`)) return { stop: () => ({ peakMb: null, cpuSeconds: null, processPeaksMb: {}, otherCpuSeconds: null }) };
  let peak = 0;
  const cpu = new Map<number, number>();
  const peaks = new Map<string, number>();
  const busyAtStart = machineBusyTicks();
  const sample = (): void => {
    const kib = treeRssKib(root, cpu, peaks);
    if (kib !== null && kib > peak) peak = kib;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      let ticks = 0;
      for (const used of cpu.values()) ticks += used;
      const busyAtEnd = machineBusyTicks();
      const cpuSeconds = cpu.size ? Math.round((ticks / TICKS) * 10) / 10 : null;
      // The tree's last moments are not sampled, so a small difference is the tree's own.
      const otherCpuSeconds = busyAtStart !== null && busyAtEnd !== null && cpuSeconds !== null ? Math.max(0, Math.round(((busyAtEnd - busyAtStart) / TICKS - cpuSeconds) * 10) / 10) : null;
      const processPeaksMb = Object.fromEntries([...peaks].sort((a, b) => b[1] - a[1]).map(([name, kib]) => [name, Math.round((kib / 1024) * 10) / 10]));
      return { peakMb: peak > 0 ? Math.round((peak / 1024) * 10) / 10 : null, cpuSeconds, processPeaksMb, otherCpuSeconds };
    },
  };
}

/**
 * Clock ticks every core of the machine has spent running something (user, nice, system, irq,
 * softirq) since boot; null without /proc. Steal (a VM's host running others) is left out: no
 * process here is charged for it.
 */
export function machineBusyTicks(): number | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!;
    const [, user, nice, system, , , irq, softirq] = line.trim().split(/\s+/).map(Number);
    return user! + nice! + system! + irq! + softirq!;
  } catch {
    return null;
  }
}

/** Counts the `.html` files under `dir`; 0 when it does not exist. */
export async function countHtml(dir: string): Promise<number> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile() && e.name.endsWith(".html")).length;
  } catch {
    return 0;
  }
}
