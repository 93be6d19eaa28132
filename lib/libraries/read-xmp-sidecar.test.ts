import { describe, expect, it } from "vitest";
import { sidecarCandidates, sidecarFacts } from "./read-xmp-sidecar";

describe("sidecarFacts", () => {
  it("reads description, rating, capture time with offset and degree-minute GPS", () => {
    const facts = sidecarFacts({
      xmp: { Rating: 4 },
      exif: { GPSLatitude: "47,30.5N", GPSLongitude: "8,15.25W", DateTimeOriginal: "2019-07-04T10:11:12+02:00" },
      dc: { description: { lang: "x-default", value: "Lake at dusk" } },
    });
    expect(facts).toEqual({ description: "Lake at dusk", rating: 4, capturedAt: new Date("2019-07-04T08:11:12Z"), timeZone: "+02:00", latitude: 47.508333333333333, longitude: -8.254166666666666 });
  });

  it("ignores what is not there or not sane", () => {
    expect(sidecarFacts({ exif: { GPSLatitude: "91,0N", GPSLongitude: "8E", DateTimeOriginal: "yesterday" } })).toEqual({});
  });

  it("looks for IMG_1.jpg.xmp before IMG_1.xmp", () => {
    expect(sidecarCandidates("/p/IMG_1.jpg")).toEqual(["/p/IMG_1.jpg.xmp", "/p/IMG_1.jpg.XMP", "/p/IMG_1.xmp", "/p/IMG_1.XMP"]);
  });
});
