/** Paths of the project's inputs, for tests: the seeds and the corpus live in the repository itself. */
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));
export const seedsDir = fileURLToPath(new URL("../seeds/", import.meta.url));
export const transitionsSeed = fileURLToPath(new URL("../seeds/machine-learning-engineer-transitions.md", import.meta.url));
export const levelsSeed = fileURLToPath(new URL("../seeds/machine-learning-engineer-levels.md", import.meta.url));
export const corpusDir = fileURLToPath(new URL("./fixtures/corpus/", import.meta.url));
