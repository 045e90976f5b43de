import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project's folder: fixture sites are copies of it. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
