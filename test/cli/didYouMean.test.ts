import { describe, expect, it } from "vitest";
import { didYouMean } from "../../scripts/cli/didYouMean.ts";

const REGIONS = ["Asia-Pacific", "Eastern Europe", "Middle East", "South Asia", "North America", "Global"];

describe("the name an editor probably meant", () => {
  it("is the one a typing slip away", () => {
    expect(didYouMean("Eastern Europ", REGIONS)).toBe("Eastern Europe");
    expect(didYouMean("Midle East", REGIONS)).toBe("Middle East");
    expect(didYouMean("Asia Pacific", REGIONS)).toBe("Asia-Pacific");
  });

  it("ignores letter case, and finds a name from part of it", () => {
    expect(didYouMean("south asia", REGIONS)).toBe("South Asia");
    expect(didYouMean("europe", REGIONS)).toBe("Eastern Europe");
  });

  it("is nothing when no name is close", () => {
    expect(didYouMean("Antarctica", REGIONS)).toBeUndefined();
    expect(didYouMean("Latin America and the Caribbean", REGIONS)).toBeUndefined();
    expect(didYouMean("", REGIONS)).toBeUndefined();
  });
});
