/**
 * A file written whole or not at all: the bytes go to a temporary file beside the target, which is
 * then renamed over it, so a reader (another build, a killed one's successor) never sees half a file.
 */
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Writes `data` to `target` by a rename, making its folder as needed.
 * @returns whether it was written; a failure (a full disk, a permission) leaves `target` as it was
 */
export async function writeAtomic(target: string, data: string): Promise<boolean> {
  const temp = `${target}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(temp, data);
    await rename(temp, target);
    return true;
  } catch {
    await rm(temp, { force: true }).catch(() => {});
    return false;
  }
}
