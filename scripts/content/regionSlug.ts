/** "Asia-Pacific" → "asia-pacific", "Eastern Europe" → "eastern-europe": the region's address. */
export function regionSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
