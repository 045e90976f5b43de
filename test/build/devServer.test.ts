import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysisFile, makeFixtureSite, PROJECT_ROOT, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";
import { startCommandArgs } from "../../scripts/build/packageCommand.ts";

/** Node's or Eleventy's stack trace: never shown for an editor's mistake. */
const STACK = /stack trace|^\s*(\[11ty\])?\s+at .+:\d+:\d+\)?$/m;

async function until(condition: () => boolean, what: () => string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `npm start`'s command, run in a fixture on a free port, until the dev server says it is up. */
function startDevServer(root: string, port: number): Promise<{ stop: () => void; output: () => string }> {
  return runDevServer(root, port).started;
}

function runDevServer(root: string, port: number): { started: Promise<{ stop: () => void; output: () => string }>; exited: Promise<{ code: number | null; output: string }> } {
  const child = spawn(
    process.execPath,
    [...startCommandArgs(PROJECT_ROOT).map((arg) => (arg.startsWith("./") ? path.join(PROJECT_ROOT, arg) : arg)), `--port=${port}`],
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  const exited = new Promise<{ code: number | null; output: string }>((resolve) => child.on("exit", (code) => resolve({ code, output: log })));
  const started = new Promise<{ stop: () => void; output: () => string }>((resolve, reject) => {
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
    void exited.then(({ code }) => reject(new Error(`dev server exited with ${code}:\n${log}`)));
  });
  started.catch(() => undefined);
  return { started, exited };
}

describe("npm start (the dev server)", () => {
  let site: FixtureSite;
  let server: { stop: () => void; output: () => string } | undefined;
  const port = 18000 + Math.floor(Math.random() * 1000);

  beforeAll(async () => {
    site = await makeFixtureSite({
      analyses: { published: validAnalysis({ title: "Published piece" }), "work-in-progress": validAnalysis({ title: "Unfinished piece", draft: true }) },
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

  it("reports an editor's mistake made while it runs in words, without a stack trace, and goes on serving", async () => {
    const before = server!.output().length;
    await site.write("site/articles/published.md", analysisFile(validAnalysis({ title: "Published piece", extra: "regoins: [Asia-Pacific]" })));
    await until(() => server!.output().slice(before).includes('site/articles/published.md › field "regoins"'), () => server!.output().slice(before));
    expect(server!.output().slice(before)).not.toMatch(STACK);

    await site.write("site/articles/published.md", analysisFile(validAnalysis({ title: "Published again" })));
    let page = "";
    for (let i = 0; i < 150 && !page.includes("Published again"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      page = await fetch(`http://localhost:${port}/articles/published/`).then((r) => r.text(), () => "");
    }
    expect(page).toContain("Published again");
  });

  it("renders a changed title again on its page and in every list and feed that shows it", async () => {
    // Saved again if no rebuild follows: Eleventy's watcher may still be starting just after the
    // server says it is up (this test can run first).
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = server!.output().length;
      await site.write("site/articles/published.md", analysisFile(validAnalysis({ title: "Retitled while serving", summary: `Saved ${attempt + 1} times.` })));
      try {
        await until(() => server!.output().slice(before).includes("Wrote"), () => server!.output().slice(before), 5_000);
        break;
      } catch {
        continue;
      }
    }
    // Rebuilds are incremental: the lists are rendered again because they import the analyses'
    // collection; without it, the home page and the archive kept the old title.
    const shows = ["/articles/published/", "/", "/articles/", "/regions/asia-pacific/", "/feeds/analyses.atom.xml", "/feeds/analyses.rss.xml", "/feeds/analyses.json"];
    const stale = async () => {
      const pages = await Promise.all(shows.map((url) => fetch(`http://localhost:${port}${url}`).then((r) => r.text(), () => "")));
      return shows.filter((_, i) => !pages[i]!.includes("Retitled while serving"));
    };
    let missing = await stale();
    for (let i = 0; i < 150 && missing.length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      missing = await stale();
    }
    expect(missing, server!.output()).toEqual([]);
  });

  it("refuses to start on a mistake, saying it in words, without a stack trace", async () => {
    await site.write("site/articles/broken.md", analysisFile({ ...validAnalysis(), summary: undefined }));
    try {
      const { code, output } = await runDevServer(site.root, port + 1).exited;
      expect(code).not.toBe(0);
      expect(output).toContain('site/articles/broken.md › field "summary": is required but missing');
      expect(output).not.toMatch(STACK);
    } finally {
      await rm(path.join(site.root, "site/articles/broken.md"));
    }
  });
});
