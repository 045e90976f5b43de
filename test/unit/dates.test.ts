import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readableDate } from "../../scripts/text/dates.ts";

describe("readableDate", () => {
  it("writes a day as readers read it, in UTC", () => {
    expect(readableDate("2024-06-10")).toBe("10 June 2024");
    expect(readableDate(new Date("2024-06-10T23:30:00Z"))).toBe("10 June 2024");
  });

  it("writes every day the same whether asked for the first time or again, as text or as a Date", () => {
    const day = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(day, { minLength: 1, maxLength: 50 }), (days) => {
        for (const iso of [...days, ...days]) expect(readableDate(iso)).toBe(readableDate(new Date(`${iso}T00:00:00Z`)));
      }),
    );
  });

  it("refuses what is not a date each time it is asked", () => {
    for (let i = 0; i < 2; i++) expect(() => readableDate("2024-13-45")).toThrow("not a date: 2024-13-45");
  });
});
