import { createServer, type Server } from "node:http";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedCatalogue } from "../../scripts/feeds/feedCatalogue.ts";
import { makeFixtureSite, PROJECT_ROOT, validAnalysis, type FixtureSite } from "../helpers/fixtureSite.ts";
import { ATOM } from "../helpers/feedEntries.ts";
import { childrenNamed, parseStrictXml } from "../helpers/strictXml.ts";
import { notifyChangedFeeds } from "../../netlify/plugins/websub/notifyChangedFeeds.js";
import { onSuccess } from "../../netlify/plugins/websub/index.js";

/** A WebSub hub on 127.0.0.1 that records each publish notification, and can be told to fail. */
function startHub(): Promise<{ server: Server; url: string; published: string[]; failNext: { on: boolean } }> {
  const published: string[] = [];
  const failNext = { on: false };
  const server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const form = new URLSearchParams(body);
    if (request.method !== "POST" || form.get("hub.mode") !== "publish" || request.headers["content-type"] !== "application/x-www-form-urlencoded") {
      response.writeHead(400).end();
      return;
    }
    if (failNext.on) {
      response.writeHead(503).end();
      return;
    }
    published.push(form.get("hub.url") ?? "");
    response.writeHead(204).end();
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, published, failNext })),
  );
}

describe("instant delivery to feed readers (WebSub)", () => {
  let hub: Awaited<ReturnType<typeof startHub>>;
  let site: FixtureSite;
  const SITE_URL = "https://www.defconwarningsystem.com";
  const feedUrls = feedCatalogue().map((feed) => SITE_URL + feed.url).sort();

  beforeAll(async () => {
    hub = await startHub();
    const siteJson = JSON.parse(await readFile(path.join(PROJECT_ROOT, "_data/site.json"), "utf8"));
    site = await makeFixtureSite({
      analyses: { "a-piece": validAnalysis({ title: "A piece" }) },
      files: { "_data/site.json": JSON.stringify({ ...siteJson, websubHub: hub.url }, null, 2) },
    });
    const result = await site.build({ DEFCON_BUILD_DATE: "2026-06-01" });
    expect(result.code, result.output).toBe(0);
  });
  afterAll(async () => {
    hub?.server.close();
    await site?.remove();
  });

  it("has every feed declare its hub and itself", async () => {
    for (const feed of feedCatalogue()) {
      const text = await site.read(feed.url.slice(1));
      if (feed.url.endsWith(".json")) {
        const json = JSON.parse(text);
        expect(json.hubs, feed.url).toEqual([{ type: "WebSub", url: hub.url }]);
        expect(json.feed_url).toBe(SITE_URL + feed.url);
        continue;
      }
      const root = parseStrictXml(text).root;
      const channel = feed.url.endsWith(".rss.xml") ? childrenNamed(root, "", "channel")[0]! : root;
      const links = childrenNamed(channel, ATOM, "link").map((link) => [link.attributes["rel"], link.attributes["href"]]);
      expect(links, feed.url).toContainEqual(["hub", hub.url]);
      expect(links, feed.url).toContainEqual(["self", SITE_URL + feed.url]);
    }
  });

  it("announces every feed the first time, no feed when nothing changed, and only the feed that changed", async () => {
    const first = await notifyChangedFeeds({ publishDir: site.output, previous: {} });
    expect(first.failed).toEqual([]);
    expect([...hub.published].sort()).toEqual(feedUrls);
    expect(first.notified.sort()).toEqual(feedUrls);

    hub.published.length = 0;
    const again = await notifyChangedFeeds({ publishDir: site.output, previous: first.hashes });
    expect(again.notified).toEqual([]);
    expect(hub.published).toEqual([]);

    const atom = path.join(site.output, "feeds/levels.atom.xml");
    await writeFile(atom, (await readFile(atom, "utf8")).replace("</feed>", "<!-- changed --></feed>"));
    const changed = await notifyChangedFeeds({ publishDir: site.output, previous: first.hashes });
    expect(hub.published).toEqual([`${SITE_URL}/feeds/levels.atom.xml`]);
    expect(changed.hashes["feeds/levels.atom.xml"]).not.toBe(first.hashes["feeds/levels.atom.xml"]);
  });

  it("keeps a feed the hub refused as not announced, so the next deploy tries again, without failing", async () => {
    hub.failNext.on = true;
    const refused = await notifyChangedFeeds({ publishDir: site.output, previous: {} });
    hub.failNext.on = false;
    expect(refused.notified).toEqual([]);
    expect(refused.failed).toHaveLength(6);
    expect(refused.failed[0]).toContain("the hub answered 503");
    expect(refused.hashes).toEqual({});
  });

  it("runs after a production deploy only, remembering what it announced in Netlify's build cache", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "websub-plugin-"));
    const cached = new Map<string, string>();
    const shown: string[] = [];
    const utils = {
      cache: {
        restore: async (file: string) => (cached.has(file) ? (await writeFile(file, cached.get(file)!), true) : false),
        save: async (file: string) => (cached.set(file, await readFile(file, "utf8")), true),
      },
      status: { show: (status: { summary: string }) => void shown.push(status.summary) },
    };
    const before = { cwd: process.cwd(), context: process.env["CONTEXT"] };
    process.chdir(work);
    try {
      hub.published.length = 0;
      process.env["CONTEXT"] = "deploy-preview";
      await onSuccess({ constants: { PUBLISH_DIR: site.output }, utils });
      expect(hub.published).toEqual([]);

      process.env["CONTEXT"] = "production";
      await onSuccess({ constants: { PUBLISH_DIR: site.output }, utils });
      expect(hub.published).toHaveLength(6);
      await onSuccess({ constants: { PUBLISH_DIR: site.output }, utils });
      expect(hub.published).toHaveLength(6);
      expect(shown.at(-1)).toBe("No feed changed.");
    } finally {
      process.chdir(before.cwd);
      if (before.context === undefined) delete process.env["CONTEXT"];
      else process.env["CONTEXT"] = before.context;
      await rm(work, { recursive: true, force: true });
    }
  });
});
