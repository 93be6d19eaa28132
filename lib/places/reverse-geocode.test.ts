import { describe, expect, it } from "vitest";
import { reverseGeocode } from "./reverse-geocode";

describe("reverseGeocode", () => {
  it("names the town, region and country of a position", () => {
    // DSCN0010.jpg of the shared fixtures: a square in Arezzo.
    expect(reverseGeocode(43.4674, 11.8851)).toEqual({ city: "Arezzo", region: "Tuscany", country: "Italy", countryCode: "IT" });
    expect(reverseGeocode(48.8584, 2.2945)).toMatchObject({ city: "Paris", country: "France", countryCode: "FR" });
    expect(reverseGeocode(-33.8568, 151.2153)).toMatchObject({ city: "Sydney", region: "New South Wales", countryCode: "AU" });
  });

  it("names the region the town is really in, not the one a bulk-mislabelled table says", () => {
    // country-state-city files the whole Lisbon district under Guarda.
    expect(reverseGeocode(38.7223, -9.1393)).toEqual({ city: "Lisbon", region: "Lisbon", country: "Portugal", countryCode: "PT" });
    expect(reverseGeocode(38.8029, -9.3817)).toMatchObject({ city: "Sintra", region: "Lisbon" });
    expect(reverseGeocode(40.5373, -7.2658)).toMatchObject({ city: "Guarda", region: "Guarda" });
    expect(reverseGeocode(41.1579, -8.6291)).toMatchObject({ city: "Porto", region: "Porto" });
    expect(reverseGeocode(48.1351, 11.582)).toMatchObject({ city: "Munich", region: "Bavaria", countryCode: "DE" });
    expect(reverseGeocode(55.9533, -3.1883)).toMatchObject({ city: "Edinburgh", region: "Scotland", countryCode: "GB" });
    expect(reverseGeocode(41.3874, 2.1686)).toMatchObject({ city: "Barcelona", region: "Catalonia", countryCode: "ES" });
    expect(reverseGeocode(37.7749, -122.4194)).toMatchObject({ city: "San Francisco", region: "California", countryCode: "US" });
    expect(reverseGeocode(35.0116, 135.7681)).toMatchObject({ city: "Kyoto", countryCode: "JP" });
    expect(reverseGeocode(-22.9068, -43.1729)).toMatchObject({ city: "Rio de Janeiro", region: "Rio de Janeiro", countryCode: "BR" });
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
