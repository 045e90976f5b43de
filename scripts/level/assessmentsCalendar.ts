import ical, { ICalCalendarMethod } from "ical-generator";
import type { LevelModel } from "./levelModel.ts";
import type { NextAssessment } from "./nextAssessment.ts";

export interface CalendarSite {
  name: string;
  url: string;
  officialNotice: string;
}

/**
 * /assessments.ics, an iCalendar feed (RFC 5545) to subscribe to: every assessment as an event at
 * the moment it was issued (a whole day when it has no time), and the next scheduled assessment
 * on the day it is due. UIDs never change (an assessment's id, and one UID for "the next one",
 * which moves when a new assessment is published), and DTSTAMP is the latest assessment's time,
 * so the file changes only when the level's history does.
 */
export function assessmentsCalendar(model: LevelModel, next: NextAssessment, site: CalendarSite, siteUrl: string): string {
  const host = new URL(site.url).hostname;
  const stamp = model.current.issued;
  const calendar = ical({
    name: `${site.name}: level assessments`,
    description: `Every assessment of ${site.name}, and when the next is due. ${site.officialNotice}`,
    prodId: { company: site.name, product: "Level assessments", language: "EN" },
    url: `${siteUrl}/history/`,
    method: ICalCalendarMethod.PUBLISH,
  });
  const currentLabel = model.current.label;
  calendar.createEvent({
    id: `next-scheduled-assessment@${host}`,
    start: new Date(`${next.due}T00:00:00Z`),
    allDay: true,
    stamp,
    summary: `Next scheduled assessment${next.overdue ? " (overdue)" : ""}: ${site.name}`,
    description:
      `The scheduled update at the current level, ${currentLabel}, is due by this day; an immediate update may come at any time. ` +
      `${site.officialNotice} ${siteUrl}/`,
    url: `${siteUrl}/`,
  });
  for (const assessment of model.newestFirst) {
    calendar.createEvent({
      id: `${assessment.id}@${host}`,
      start: assessment.issued,
      allDay: !assessment.hasTime,
      stamp,
      summary: `${assessment.label}: ${assessment.changeWords.fromPrevious} (${site.name})`,
      description: `${assessment.reason}\n\n${site.officialNotice} ${siteUrl}/history/#${assessment.id}`,
      url: `${siteUrl}/history/#${assessment.id}`,
    });
  }
  return calendar.toString();
}
