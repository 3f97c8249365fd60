/**
 * A cache entry: one loaded file as plain data (JSON in the cache folder, and what a load worker
 * sends back; `src/load/file-data.ts` converts it to and from a loaded file). The schemas are the
 * entry's types; an entry read back is parsed with them, roles with the model's own `Role` schema,
 * so a file of the wrong shape is a miss, never a value of the wrong type handed to the build.
 *
 * What the cache can and cannot vouch for: an entry is stored under sha256(program, displayed path,
 * content hash) and holds the hash of the bytes it was made from, which must be the hash of the
 * bytes just read; so an entry made from other bytes (copied, or left by an edit) is never used.
 * Each file also starts with a checksum of its JSON, so that a truncated or corrupted entry is a
 * miss. Neither stops someone who can write the cache folder from forging an entry with a valid
 * hash and checksum: the folder is trusted as much as node_modules, beside which it lives (a forged
 * entry there is no worse than a patched program; a key kept in the same folder would add nothing).
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { Role } from "../model/role.ts";

const count = z.number().int().nonnegative();
const Point = z.object({ line: count, column: count, offset: count.optional() });
const Position = z.object({ start: Point, end: Point });

const Message = z.object({
  reason: z.string(),
  ruleId: z.string().nullable(),
  place: z.union([Position, Point]).nullable(),
  fatal: z.boolean().nullable(),
  // What vfile-message carries besides: found and expected values, the rule's hint, where it is documented.
  actual: z.string().nullable().default(null),
  expected: z.array(z.string()).nullable().default(null),
  note: z.string().nullable().default(null),
  url: z.string().nullable().default(null),
});

const CachedRole = z.object({
  role: Role,
  position: Position,
  /** Positions of `transitions` and `transitions.<n>`, all that the cross-file checks read. */
  positions: z.array(z.tuple([z.string(), Position])),
});

/** A loaded file as plain data (structured-clonable and JSON): what a load worker sends back. */
export const FileData = z.object({
  /** The path the diagnostics name. */
  path: z.string(),
  messages: z.array(Message),
  roles: z.array(CachedRole),
});
export type FileData = z.infer<typeof FileData>;

const HASH = /^[0-9a-f]{64}$/;

/** A cache entry: a file's data, the program that made it, and the hash of the bytes it was made from. */
export const Entry = FileData.extend({
  version: z.string(),
  content: z.string().regex(HASH),
});
export type Entry = z.infer<typeof Entry>;

/** The hex sha256 of `data`. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** An entry as stored: the checksum of its JSON, a line break, the JSON. */
export function encodeEntry(entry: Entry): string {
  const json = JSON.stringify(entry);
  return `${sha256(json)}\n${json}`;
}

/** The entry a stored file holds, or null when it is corrupt (checksum), not JSON, or not of the entry's shape. */
export function decodeEntry(text: string): Entry | null {
  const sum = text.slice(0, 64);
  if (!HASH.test(sum) || text[64] !== "\n") return null;
  const json = text.slice(65);
  if (sha256(json) !== sum) return null;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = Entry.safeParse(data);
  return parsed.success ? parsed.data : null;
}
