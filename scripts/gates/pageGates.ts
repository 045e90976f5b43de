import { checkBudgets } from "./checkBudgets.ts";
import { checkDisclaimer } from "./checkDisclaimer.ts";
import { checkHead } from "./checkHead.ts";
import { checkInlineCode } from "./checkInlineCode.ts";
import type { FactGate } from "./gate.ts";

/** What the per-page gates are configured with. */
export interface PageGateConfig {
  disclaimer: string;
}

/** The gates that judge one page at a time (site-wide gates are in outputGates.ts). */
export function pageGates(config: PageGateConfig): FactGate[] {
  return [checkDisclaimer(config.disclaimer), checkInlineCode(), checkHead(), checkBudgets()];
}
