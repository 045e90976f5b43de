import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analysisSlug } from "../../scripts/cli/analysisSlug.ts";
import { isAnalysisSlug } from "../../scripts/content/validateAnalysis.ts";

describe("an analysis's file name from its title", () => {
  it("is the title's words, lowercase, joined by hyphens", () => {
    expect(analysisSlug("Increasing Military Collaboration Between China and Russia")).toBe("increasing-military-collaboration-between-china-and-russia");
    expect(analysisSlug('Korea: "Tests" Resume -- (Again)!')).toBe("korea-tests-resume-again");
    expect(analysisSlug("  2025 in Review  ")).toBe("2025-in-review");
  });

  it("drops accents and writes the letters Unicode does not split as English keyboards do", () => {
    expect(analysisSlug("Élysée and Kraków")).toBe("elysee-and-krakow");
    expect(analysisSlug("Straße, Øresund, Łódź, Æsir")).toBe("strasse-oresund-lodz-aesir");
  });

  it("keeps an apostrophe's word whole", () => {
    expect(analysisSlug("Russia's Doctrine")).toBe("russias-doctrine");
    expect(analysisSlug("Russia’s Doctrine")).toBe("russias-doctrine");
  });

  it("gives nothing for a title in another script, so the editor chooses the name", () => {
    expect(analysisSlug("Россия и Китай")).toBe("");
    expect(analysisSlug("——")).toBe("");
  });

  it("is always a name the build accepts, or nothing", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (title) => {
        const slug = analysisSlug(title);
        expect(slug === "" || isAnalysisSlug(slug)).toBe(true);
      }),
    );
  });
});
