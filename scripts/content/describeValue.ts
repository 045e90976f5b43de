const MAX_TEXT = 80;

/**
 * A short, safe description of a value an editor wrote, for a problem message: text is quoted
 * and cut to 80 characters; a list or object is described, never printed, since it may be huge
 * or deeply nested (YAML anchors can make a small file describe an enormous value).
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    return JSON.stringify(value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value);
  }
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (value === null) return "null";
  if (typeof value === "object") {
    const keys = Object.keys(value);
    const shown = keys.slice(0, 3).map((key) => describeValue(key)).join(", ");
    return keys.length === 0 ? "an empty object" : `an object with the field${keys.length === 1 ? "" : "s"} ${shown}${keys.length > 3 ? ", …" : ""}`;
  }
  return String(value);
}
