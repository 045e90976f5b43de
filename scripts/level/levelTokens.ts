import type { LevelMeaning, LevelNumber } from "./types.ts";

/**
 * The level colours as CSS custom properties, `--level-N` (the fill) and `--level-N-text`, for
 * the light theme and, under prefers-color-scheme: dark, the dark one, and the `.level-N` classes
 * that set `--level` and `--level-text` for a component: the stylesheet's part that comes from
 * _data/levelMeanings.json rather than being written twice.
 */
export function levelTokens(meanings: Record<LevelNumber, LevelMeaning>): string {
  const levels = Object.values(meanings).sort((a, b) => b.level - a.level);
  const declarations = (theme: "light" | "dark", indent: string) =>
    levels
      .map(({ level, swatch }) => `${indent}--level-${level}: ${swatch[theme].fill}; --level-${level}-text: ${swatch[theme].text};`)
      .join("\n");
  // A component shows a level through one class, .level-N, which picks that level's two colours.
  const classes = levels.map(({ level }) => `.level-${level} { --level: var(--level-${level}); --level-text: var(--level-${level}-text); }`).join("\n");
  return (
    "/* Level colours, from _data/levelMeanings.json. */\n" +
    `:root {\n${declarations("light", "  ")}\n}\n` +
    `@media (prefers-color-scheme: dark) {\n  :root {\n${declarations("dark", "    ")}\n  }\n}\n` +
    `${classes}\n`
  );
}
