import { describe, expect, it } from "vitest";
import { pageText } from "../../scripts/gates/visibleText.ts";
import { checkDisclaimer } from "../../scripts/gates/checkDisclaimer.ts";
import { scanPage } from "../../scripts/gates/scanPage.ts";
import type { SiteContext } from "../../scripts/gates/gate.ts";

const DISCLAIMER = "The DEFCON Warning System is a private intelligence organization. It is not affiliated with any government agency.";
const gate = checkDisclaimer(DISCLAIMER);
const site = {} as SiteContext; // the disclaimer gate reads only the page
const check = (body: string) => {
  const html = `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;
  return gate.check({ path: "x/index.html", url: "/x/", bytes: html.length, html, facts: scanPage(html) }, site);
};

describe("pageText", () => {
  it("removes markup, decodes entities and folds whitespace", () => {
    expect(pageText("<p>Caf&eacute;&nbsp;&amp;\n\n  <b>bar</b></p><p>baz</p>")).toBe("Café & bar baz");
  });

  it("joins inline elements without a space and separates blocks with one", () => {
    expect(pageText("<p>un<em>fold</em>ed</p><div>next</div>")).toBe("unfolded next");
  });

  it("leaves out comments, scripts, styles, the head and hidden elements", () => {
    const html =
      "<head><title>T</title><style>p{}</style></head><body><!-- secret --><script>x()</script>" +
      '<p hidden>a</p><p aria-hidden="true">b</p><p style="display: none">c</p><span class="visually-hidden">d</span>' +
      "<template>e</template><noscript>f</noscript><p>shown</p></body>";
    expect(pageText(html)).toBe("shown");
    expect(pageText(html, true)).toContain("a b c d e f");
    expect(pageText(html, true)).not.toContain("secret");
  });

  it("shows only the summary of a closed <details>, all of an open one", () => {
    expect(pageText("<details><summary>More</summary><p>inside</p></details>")).toBe("More");
    expect(pageText("<details open><summary>More</summary><p>inside</p></details>")).toBe("More inside");
  });
});

describe("checkDisclaimer", () => {
  it("passes a page that shows the disclaimer, even reflowed across lines and with entities", () => {
    expect(check(`<footer><p>The DEFCON Warning System is a private\n   intelligence organization. It is not affiliated with any government&#32;agency.</p></footer>`)).toEqual([]);
  });

  it("fails a page without it", () => {
    expect(check("<p>Hello</p>")).toEqual([
      "the disclaimer is missing or altered: the page's visible text must contain it word for word",
    ]);
  });

  it("fails a page where one word differs", () => {
    expect(check(`<p>${DISCLAIMER.replace("private", "public")}</p>`)).toHaveLength(1);
  });

  it("fails a page where it is only in a comment", () => {
    expect(check(`<!-- ${DISCLAIMER} --><p>x</p>`)).toHaveLength(1);
  });

  it("fails a page where it is hidden, and says so", () => {
    expect(check(`<p hidden>${DISCLAIMER}</p>`)).toEqual([
      "the disclaimer is in the HTML but hidden from readers (hidden element, closed <details>, or visually-hidden class)",
    ]);
  });
});
