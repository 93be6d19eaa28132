import { describe, expect, it } from "vitest";
import { reverseGeocode } from "./reverse-geocode";

describe("reverseGeocode", () => {
  it("names the town, region and country of a position", () => {
    // DSCN0010.jpg of the shared fixtures: a square in Arezzo.
    expect(reverseGeocode(43.4674, 11.8851)).toEqual({ city: "Arezzo", region: "Tuscany", country: "Italy", countryCode: "IT" });
    expect(reverseGeocode(48.8584, 2.2945)).toMatchObject({ city: "Paris", country: "France", countryCode: "FR" });
    expect(reverseGeocode(-33.8568, 151.2153)).toMatchObject({ city: "Sydney", region: "New South Wales", countryCode: "AU" });
  });

  it("stays on the side of the border the photo was taken on", () => {
    // Basel (CH) is a few km from Saint-Louis (FR) and Weil am Rhein (DE).
    expect(reverseGeocode(47.5596, 7.5886)).toMatchObject({ countryCode: "CH", country: "Switzerland" });
    // Strasbourg (FR) across the Rhine from Kehl (DE).
    expect(reverseGeocode(48.5734, 7.7521)).toMatchObject({ countryCode: "FR" });
    expect(reverseGeocode(48.5766, 7.8136)).toMatchObject({ countryCode: "DE" });
  });

  it("gives no town far from any, and nothing for impossible positions", () => {
    expect(reverseGeocode(-48.9, -123.4)).toEqual({ city: null, region: null, country: null, countryCode: null });
    expect(reverseGeocode(91, 0)).toEqual({ city: null, region: null, country: null, countryCode: null });
    expect(reverseGeocode(Number.NaN, 0).city).toBeNull();
  });
});
