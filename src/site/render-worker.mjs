// A render worker's entry point: registers tsx in this thread (workers do not inherit the main
// thread's loader), then runs the TypeScript worker.
import { register } from "tsx/esm/api";
register();
await import("./render-worker.ts");
