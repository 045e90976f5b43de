import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Server } from "node:http";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseFrontMatter } from "../../scripts/content/frontMatter.ts";
import { createPreviewServer } from "../../scripts/preview/previewServer.ts";
import { listen } from "../../scripts/preview/staticServer.ts";
import { describeInBrowser, openChromium } from "../helpers/browser.ts";
import { makeFixtureSite, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";
import { watchForViolations } from "./watchForViolations.ts";

/** decap-server's port: the one the generated configuration's `local_backend: true` looks for. */
const LOCAL_BACKEND = "http://localhost:8081";
const BUILD_DATE = { DEFCON_BUILD_DATE: "2026-06-01" };

/**
 * The real CMS, under netlify.toml's headers, driven as an editor drives it against Decap's
 * local backend pointed at a fixture copy of the project: what it saves must be a file the
 * production build publishes.
 */
describeInBrowser("the CMS at /admin/, against its local backend", () => {
  let site: FixtureSite;
  let server: Server | undefined;
  let decapServer: ChildProcess | undefined;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    site = await makeFixtureSite({
      analyses: {
        "baltic-exercises": validAnalysis({ title: "Baltic exercises", date: "2024-06-01", regions: ["Eastern Europe"] }),
        "2023/strait-patrols": validAnalysis({ title: "Strait patrols", date: "2023-03-01" }),
      },
      assessments: [{ date: "2024-01-01", level: 5, reason: "Calm." }],
    });
    const result = await site.build(BUILD_DATE);
    expect(result.code, result.output).toBe(0);
    const entry = createRequire(import.meta.url).resolve("decap-server/dist/index.js");
    decapServer = spawn(process.execPath, [entry], { cwd: site.root, env: { ...process.env, GIT_REPO_DIRECTORY: site.root, PORT: "8081", MODE: "fs" }, stdio: ["ignore", "pipe", "pipe"] });
    await new Promise<void>((resolve, reject) => {
      decapServer!.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
      decapServer!.on("exit", (code) => reject(new Error(`decap-server stopped (${code}); is port 8081 taken, by npm run cms?`)));
    });
    server = await createPreviewServer({ root: site.output, netlifyToml: path.join(site.root, "netlify.toml") });
    origin = await listen(server);
    browser = await openChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    decapServer?.kill();
    await site?.remove();
  });

  /**
   * The editor's session: one tab signed in to the CMS through the local backend, which the tests
   * below use one after the other as an editor would (the CMS is about 6 MB of script to start),
   * and every request or policy violation seen in it.
   */
  let session: Promise<{ page: Page; problems: string[] }> | undefined;
  async function signIn() {
    const context = await browser.newContext();
    const problems = await watchForViolations(context, origin);
    const page = await context.newPage();
    await page.goto(`${origin}/admin/`);
    await page.getByRole("button", { name: /login/i }).click();
    await page.getByText("Level assessments").first().waitFor();
    return { page, problems };
  }
  const signedIn = () => (session ??= signIn());

  it("saves a new analysis as a file that the production build publishes", async () => {
    const { page, problems } = await signedIn();

    await page.goto(`${origin}/admin/#/collections/analyses/new`);
    await page.getByLabel("Title").fill("Korea: Tests Resume");
    await page.locator("input[id^=date-field]").fill("2026-05-01");
    await page.getByLabel("Summary").fill("Tests resumed after a pause.");
    await page.getByLabel("Regions").click();
    await page.keyboard.type("Asia");
    await page.keyboard.press("Enter");
    await page.locator("[data-slate-editor]").click();
    await page.keyboard.type("North Korea resumed its missile tests.");
    await page.getByRole("button", { name: /publish/i }).first().click();
    await page.getByText(/publish now/i).click();
    await expect.poll(() => existsSync(path.join(site.root, "site/articles/korea-tests-resume.md"))).toBe(true);

    // Decap talks to its local backend; nothing else leaves the origin, and the policy holds.
    expect(problems.filter((problem) => !problem.startsWith(`request to ${LOCAL_BACKEND}/`))).toEqual([]);

    const analysis = parseFrontMatter(await readFile(path.join(site.root, "site/articles/korea-tests-resume.md"), "utf8"))!;
    expect(analysis.data).toEqual({ title: "Korea: Tests Resume", date: "2026-05-01", summary: "Tests resumed after a pause.", regions: ["Asia-Pacific"] });
    expect(analysis.body.trim()).toBe("North Korea resumed its missile tests.");
    const build = await site.build(BUILD_DATE);
    expect(build.code, build.output).toBe(0);
    expect(await site.read("articles/korea-tests-resume/index.html")).toContain("Korea: Tests Resume");
  }, 120_000);

  it("lists an analysis filed in a folder, in that folder's own collection", async () => {
    const { page } = await signedIn();
    await page.goto(`${origin}/admin/#/collections/analyses-2023`);
    await page.getByText("Strait patrols").waitFor({ timeout: 15_000 });
  }, 60_000);

  it("records an assessment at the end of the list, keeping the file's other keys, and the build publishes the new level", async () => {
    const { page, problems } = await signedIn();

    await page.goto(`${origin}/admin/#/collections/levels/entries/levels`);
    await page.getByRole("button", { name: /add assessments/i }).click();
    // The new assessment is the last item of the list.
    await page.locator("input[id^=date-field]").last().fill("2026-05-02T10:00");
    await page.locator("input[id^=level-field]").last().click();
    await page.keyboard.type("DEFCON 3 Yellow");
    await page.keyboard.press("Enter");
    await page.locator("textarea[id^=reason-field]").last().fill("Tests resumed in Korea.");
    await page.getByRole("button", { name: /publish/i }).first().click();
    await page.getByText(/publish now/i).click();

    const levelsFile = path.join(site.root, "_data/levels.json");
    const saved = async () => JSON.parse(await readFile(levelsFile, "utf8")) as { $schema?: string; assessments: { date: string; level: number; reason: string }[] };
    await expect.poll(async () => (await saved()).assessments.length).toBe(2);
    const levels = await saved();
    expect(levels.$schema).toBe("./levels.schema.json");
    expect(levels.assessments.at(-1)).toEqual({ date: "2026-05-02T10:00Z", level: 3, reason: "Tests resumed in Korea." });
    expect(problems.filter((problem) => !problem.startsWith(`request to ${LOCAL_BACKEND}/`))).toEqual([]);

    const build = await site.build(BUILD_DATE);
    expect(build.code, build.output).toBe(0);
    expect(await site.read("code.dat")).toBe("3");
  }, 120_000);
});
