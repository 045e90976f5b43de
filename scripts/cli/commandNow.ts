import { buildNow } from "../content/buildNow.ts";
import { EnvironmentProblem } from "../build/environmentProblem.ts";

/**
 * "Now" as the build sees it (DEFCON_BUILD_DATE pins it, buildNow.ts), so a command and the build
 * agree on what is in the future. A pinned value that is not a date is the environment's problem.
 */
export function commandNow(): Date {
  try {
    return buildNow();
  } catch (error) {
    throw new EnvironmentProblem(`${(error as Error).message}; unset DEFCON_BUILD_DATE or give it an ISO date.`);
  }
}
