import { validAnalysis, type FixtureOptions } from "../helpers/fixtureSite.ts";

/**
 * Fixture histories for the level's build tests (history page, API, badge, banner), with the
 * facts a test checks them against written out by hand, not computed by the code under test.
 */
export const BUILD_DATE = "2025-06-30T00:00:00Z";

/** At DEFCON 4: a raise, two same-day entries (the later wins), a timed kept update, a lowering, a raise. */
export const LEVEL_4: FixtureOptions = {
  analyses: {
    tension: validAnalysis({ title: "Tension in the strait", date: "2021-03-15" }),
    "calm-returns": validAnalysis({ title: "Calm returns", date: "2024-04-30" }),
    early: validAnalysis({ title: "Before the record", date: "2019-06-01" }),
  },
  assessments: [
    { date: "2024-05-01", level: 5, reason: "The crisis is over.", article: "calm-returns" },
    { date: "2020-01-01", level: 5, reason: "Calm & quiet <for now>." },
    { date: "2021-03-15", level: 4, reason: "A crisis in the strait.", article: "tension" },
    { date: "2022-06-01", level: 3, reason: "Entered first that day." },
    { date: "2022-06-01", level: 4, reason: "Corrected the same day." },
    { date: "2023-02-10T09:30:00Z", level: 4, reason: "Scheduled update." },
    { date: "2025-01-20", level: 4, reason: "New tension." },
  ],
};

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

export const LEVEL_4_FACTS = {
  /** Newest first, as the page and the API list them. */
  ids: [
    "assessment-2025-01-20",
    "assessment-2024-05-01",
    "assessment-2023-02-10-0930",
    "assessment-2022-06-01-2",
    "assessment-2022-06-01",
    "assessment-2021-03-15",
    "assessment-2020-01-01",
  ],
  levels: [4, 5, 4, 4, 3, 4, 5],
  changes: ["raised", "lowered", "kept", "lowered", "raised", "raised", "first"],
  /** The stretches the chart draws (3 then 4 on one day is no stretch at 3). */
  steps: [
    { level: 5, from: "2020-01-01", id: "assessment-2020-01-01", kind: "first" },
    { level: 4, from: "2021-03-15", id: "assessment-2021-03-15", kind: "raised" },
    { level: 5, from: "2024-05-01", id: "assessment-2024-05-01", kind: "lowered" },
    { level: 4, from: "2025-01-20", id: "assessment-2025-01-20", kind: "raised" },
  ],
  daysAt: {
    5: days("2020-01-01", "2021-03-15") + days("2024-05-01", "2025-01-20"),
    4: days("2021-03-15", "2024-05-01") + days("2025-01-20", "2025-06-30"),
    3: 0,
    2: 0,
    1: 0,
  } as Record<number, number>,
  longest: {
    5: { from: "2020-01-01", days: days("2020-01-01", "2021-03-15") },
    4: { from: "2021-03-15", days: days("2021-03-15", "2024-05-01") },
  } as Record<number, { from: string; days: number }>,
  totalDays: days("2020-01-01", "2025-06-30"),
  lastChange: "2025-01-20",
};

/** At DEFCON 2, raised at a stated time. */
export const LEVEL_2: FixtureOptions = {
  assessments: [
    { date: "2024-01-01", level: 5, reason: "Calm." },
    { date: "2025-06-01T12:00:00Z", level: 2, reason: "Forces are being readied." },
  ],
};
export const LEVEL_2_LATEST_ID = "assessment-2025-06-01-1200";
