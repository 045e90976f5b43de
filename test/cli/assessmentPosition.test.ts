import { describe, expect, it } from "vitest";
import { assessmentPosition } from "../../scripts/cli/assessmentPosition.ts";

const FILE = [{ date: "2024-01-01" }, { date: "2024-06-01" }, { date: "2024-06-01T12:00Z" }, { date: "2025-01-01" }];

describe("where a new assessment goes in levels.json", () => {
  it("goes last when it is the latest, as most are", () => {
    expect(assessmentPosition(FILE, "2026-01-01T09:30Z")).toBe(4);
  });

  it("goes at its place in time when it is backdated, so the file stays in date order", () => {
    expect(assessmentPosition(FILE, "2024-03-01")).toBe(1);
    expect(assessmentPosition(FILE, "2023-01-01")).toBe(0);
    expect(assessmentPosition(FILE, "2024-06-01T08:00Z")).toBe(2);
  });

  it("goes after the entries of the same moment, so it counts as the later one", () => {
    expect(assessmentPosition(FILE, "2024-06-01")).toBe(2);
    expect(assessmentPosition(FILE, "2024-06-01T00:00Z")).toBe(2);
    expect(assessmentPosition(FILE, "2025-01-01")).toBe(4);
  });

  it("keeps an unsorted file's order, after the last entry at or before it", () => {
    expect(assessmentPosition([{ date: "2025-01-01" }, { date: "2020-01-01" }], "2024-01-01")).toBe(2);
    expect(assessmentPosition([{ date: "2025-01-01" }, { date: "2026-01-01" }], "2024-01-01")).toBe(0);
  });

  it("goes last when its date cannot be read (validation refuses it anyway)", () => {
    expect(assessmentPosition(FILE, "yesterday")).toBe(4);
  });
});
