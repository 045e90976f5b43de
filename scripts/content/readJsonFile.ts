import { readFile } from "node:fs/promises";
import { decodeUtf8 } from "./decodeUtf8.ts";
import type { Problem } from "./problem.ts";

export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

/** Reads a JSON data file; a syntax error becomes a Problem with line and column. */
export async function readJsonFile(absolutePath: string, file: string): Promise<JsonResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolutePath);
  } catch {
    return { ok: false, problem: { file, message: "the file is missing or cannot be read" } };
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, problem: { file, message: decoded.message } };
  return parseJsonText(decoded.text, file);
}

/** Parses the text of a JSON data file; a syntax error becomes a Problem with line and column. */
export function parseJsonText(text: string, file: string): JsonResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: { file, message: `is not valid JSON${position(text, error)}` } };
  }
}

function position(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  if (!at) return `: ${message}`;
  const before = text.slice(0, Number(at[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return ` (line ${line}, column ${column}): ${message.replace(/ in JSON at position \d+.*$/, "")}`;
}
