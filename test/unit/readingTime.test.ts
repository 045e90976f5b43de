import { describe, expect, it } from "vitest";
import { readingTime } from "../../scripts/text/readingTime.ts";

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

describe("readingTime", () => {
  it("is at least one minute", () => {
    expect(readingTime("")).toBe(1);
    expect(readingTime("<p>Short.</p>")).toBe(1);
  });

  it("counts words at 220 a minute, ignoring markup", () => {
    expect(readingTime(`<p>${words(440)}</p>`)).toBe(2);
    expect(readingTime(`<h2 class="x y z">${words(330)}</h2><p>${words(330)}</p>`)).toBe(3);
  });

  it("does not count attributes, and treats a tag as a word boundary", () => {
    const manyAttributes = `<a href="/a b c d e f g h" title="${words(1000)}">${words(220)}</a>`;
    expect(readingTime(manyAttributes)).toBe(1);
    expect(readingTime(`<p>${"x".repeat(5)}</p><p>${words(659)}</p>`)).toBe(3);
  });

  it("counts words in any script", () => {
    expect(readingTime(`<p>${Array.from({ length: 660 }, () => "Ελλάδα").join(" ")}</p>`)).toBe(3);
  });
});
