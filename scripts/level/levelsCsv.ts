import { stringify } from "csv-stringify/sync";
import type { ApiLevelHistory } from "./levelApi.ts";

/** The columns of /api/levels.csv, in order (docs/api.md). */
export const LEVELS_CSV_COLUMNS = ["issued", "level", "colour", "change", "reason", "analysis_url"] as const;

/**
 * Every assessment as a row of a CSV file for spreadsheets (RFC 4180: CRLF line ends, fields with
 * a comma, a quote or a line break quoted, quotes doubled), newest first, made from the same
 * document as /api/levels.json so that the two cannot disagree. `issued` is the date as the
 * assessment gives it (with its UTC time when it has one); `change` is first, raised, lowered or
 * kept; `analysis_url` is empty when no analysis is linked.
 */
export function levelsCsv(history: ApiLevelHistory): string {
  const rows = history.assessments.map((a) => [a.date, a.level, a.colour, a.change, a.reason, a.analysis?.url ?? ""]);
  // csv-stringify quotes a field holding the record delimiter (CRLF), but not a lone line break.
  return stringify(rows, { header: true, columns: [...LEVELS_CSV_COLUMNS], record_delimiter: "windows", quoted_match: /[\r\n]/ });
}
