import { describe, expect, it } from "vitest";
import { findPlaces } from "./find-places";

describe("findPlaces", () => {
  it("finds a town by the start of its name, accents and case aside, the exact and biggest first, with its country (and region, from the reverse lookup)", () => {
    const [lisbon] = findPlaces("lisbo");
    expect(lisbon).toMatchObject({ name: "Lisbon", country: "Portugal" });
    expect(lisbon!.latitude).toBeCloseTo(38.72, 1);
    expect(findPlaces("evora")[0]).toMatchObject({ name: "Évora", country: "Portugal" });
    expect(findPlaces("Paris")[0]).toMatchObject({ name: "Paris", country: "France" });
    expect(findPlaces("p")).toEqual([]);
  });
});
