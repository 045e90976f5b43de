import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixtureSite, PROJECT_ROOT, validArticle, type FixtureSite } from "../helpers/fixtureSite.ts";

/** `npm start`'s command, run in a fixture on a free port, until the dev server says it is up. */
function startDevServer(root: string, port: number): Promise<{ stop: () => void; output: () => string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(PROJECT_ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), "--serve", "--output=_site.dev", `--port=${port}`],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`dev server did not start:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("Server at")) {
        clearTimeout(timer);
        resolve({ stop: () => child.kill("SIGTERM"), output: () => log });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`dev server exited with ${code}:\n${log}`)));
  });
}

describe("npm start (the dev server)", () => {
  let site: FixtureSite;
  let server: { stop: () => void; output: () => string } | undefined;
  const port = 18000 + Math.floor(Math.random() * 1000);

  beforeAll(async () => {
    site = await makeFixtureSite({
      articles: { published: validArticle({ title: "Published piece" }), "work-in-progress": validArticle({ title: "Unfinished piece", draft: true }) },
    });
    server = await startDevServer(site.root, port);
  });
  afterAll(async () => {
    server?.stop();
    await site?.remove();
  });

  it("serves drafts, so editors can preview them", async () => {
    const response = await fetch(`http://localhost:${port}/articles/work-in-progress/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Unfinished piece");
    const archive = await (await fetch(`http://localhost:${port}/articles/`)).text();
    expect(archive).toContain("Unfinished piece");
  });

  it("writes to _site.dev/, never over the production _site/", () => {
    expect(site.exists("index.html")).toBe(false);
  });
});
