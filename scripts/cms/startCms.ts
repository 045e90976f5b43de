import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";

/**
 * `npm run cms`: local editing with no account. Starts decap-server, Decap's local backend,
 * which reads and writes the files of this working tree (its folder is the current one), on the
 * port the CMS looks for by default (8081), beside `npm start`. Open
 * http://localhost:8080/admin/ and choose "Login"; what is saved lands in site/articles/ and
 * _data/ as files, for git as usual. Ctrl+C stops both; if either stops, so does the other.
 */
const decapServer = createRequire(import.meta.url).resolve("decap-server/dist/index.js");
const children: ChildProcess[] = [
  spawn(process.execPath, [decapServer], { stdio: "inherit", env: { ...process.env, PORT: "8081", GIT_REPO_DIRECTORY: process.cwd(), MODE: "fs" } }),
  spawn("npm", ["start"], { stdio: "inherit" }),
];

let stopping = false;
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exitCode = code;
}
for (const child of children) child.on("exit", (code) => stopAll(code ?? 1));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopAll(0));
