/**
 * A full garbage collection on demand. V8 lets garbage pile up to a few times what is live before
 * it collects, and keeps the memory it grew to. A build collects where a great deal has just become
 * garbage, once its pages are rendered and before Pagefind's process builds the search index (in
 * serve, once the rebuilt pages are on disk), so that the memory goes back to the system first.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | null | undefined;

/**
 * Runs V8's `gc` function, which `--expose-gc` makes visible to new contexts (set here at run time,
 * as jest's leak detector does); does nothing when V8 refuses.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
