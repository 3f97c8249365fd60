/**
 * A loaded file to and from plain data (`FileData`, the cache entry's format): what a load worker
 * sends back, and what the store keeps. Lives on the loading side, since it needs the `Loaded`
 * type and VFiles, which the store (`src/cache/`) knows nothing of.
 */
import { VFile } from "vfile";
import type { FileData } from "../cache/entry.ts";
import type { Placed } from "../model/merge.ts";
import type { RawRole } from "../model/raw-role.ts";
import type { Loaded } from "../stages.ts";

/** A loaded file as plain data. */
export function toFileData(loaded: Pick<Loaded, "file" | "roles">): FileData {
  return {
    path: loaded.file.path,
    messages: loaded.file.messages.map((m) => ({
      reason: m.reason,
      ruleId: m.ruleId ?? null,
      place: m.place ?? null,
      fatal: m.fatal ?? null,
      actual: m.actual ?? null,
      expected: m.expected ?? null,
      note: m.note ?? null,
      url: m.url ?? null,
    })),
    roles: loaded.roles.map(({ role, raw }) => ({
      role,
      position: raw.position,
      positions: [...raw.positions].filter(([k]) => k === "transitions" || /^transitions\.\d+$/.test(k)),
    })),
  };
}

/** The loaded file `data` describes, its diagnostics as `report` made them. */
export function fromFileData(data: FileData, displayPath: string): Loaded {
  const file = new VFile({ path: displayPath });
  file.data.readable = true;
  for (const m of data.messages) {
    const message = file.message(m.reason, { place: m.place ?? undefined, ruleId: m.ruleId ?? undefined, source: "career-atlas" });
    message.fatal = m.fatal === null ? undefined : m.fatal;
    if (m.actual !== null) message.actual = m.actual;
    if (m.expected !== null) message.expected = m.expected;
    if (m.note !== null) message.note = m.note;
    if (m.url !== null) message.url = m.url;
  }
  const roles = data.roles.map(({ role, position, positions }): Placed => {
    const raw: RawRole = { data: role, positions: new Map(positions), position };
    return { role, file, raw };
  });
  return { file, placed: roles[0] ?? null, roles };
}
