/**
 * Calls back when a file under any of the given paths changes, changes arriving close together
 * folded into one call.
 */
import { watch, type FSWatcher } from "node:fs";
import { statSync } from "node:fs";

export interface Watcher {
  close(): void;
}

/**
 * @param paths files or folders (folders are watched with everything beneath them); missing ones are skipped
 * @param onChange called once per burst of changes
 * @param delay how long a burst may last, in milliseconds
 */
export function watchPaths(paths: readonly string[], onChange: () => void, delay = 60): Watcher {
  let timer: NodeJS.Timeout | null = null;
  const fire = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, delay);
  };
  const watchers: FSWatcher[] = [];
  for (const target of paths) {
    let directory: boolean;
    try {
      directory = statSync(target).isDirectory();
    } catch {
      continue;
    }
    const watcher = watch(target, { recursive: directory, persistent: true }, fire);
    watcher.on("error", () => watcher.close());
    watchers.push(watcher);
  }
  return {
    close(): void {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
