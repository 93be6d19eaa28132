import { describe, expect, it } from "vitest";
import { derivativeKinds, JOB_KINDS, jobKind, producerOf } from "./kinds";

describe("job kind declarations", () => {
  it("derive who produces which derivative from the one table", () => {
    expect(producerOf("photo", "thumb-md")).toBe("thumbnail");
    expect(producerOf("video", "thumb-md")).toBe("video-poster");
    expect(producerOf("photo", "motion-video")).toBe("motion-video");
    expect(producerOf("document", "motion-video")).toBeUndefined();
    expect(derivativeKinds("photo").sort()).toEqual(["motion-video", "rendition", "thumb-md", "thumb-sm"]);
    expect(producerOf("video", "rendition")).toBe("video-rendition");
  });

  it("declare a priority and a payload schema for every kind", () => {
    for (const kind of JOB_KINDS) {
      expect(jobKind(kind).priority).toBeGreaterThan(0);
      expect(jobKind(kind).payload.safeParse({}).success).toBe(kind !== "takeout-import");
    }
  });
});
