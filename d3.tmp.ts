import { makeFixtureSite, validArticle } from "./test/helpers/fixtureSite.ts";
const site = await makeFixtureSite({ articles: { "first-name": validArticle({ title: "Original title", date: "2024-02-01" }), other: validArticle({ title: "Other", date: "2024-03-01" }) }, assessments: [{ date: "2024-01-01", level: 5, reason: "Calm." }] });
await site.write("site/articles/better-name.md", ["---", 'title: "Original title, renamed"', 'date: "2024-02-01"', 'summary: "One sentence that sums it up."', 'feedId: "tag:defconwarningsystem.com,2024-02-01:analysis/first-name"', "---", "", "Text."].join("\n"));
const r = await site.buildAsCommand({ DEFCON_BUILD_DATE: "2026-01-15" });
console.log(r.code, r.output);
await site.remove();
