import { describe, expect, it } from "vitest";
import { classifyIcloudEntry } from "./classify-icloud-entry";

describe("classifyIcloudEntry", () => {
  it("places media, details and album lists by their folder, whatever the top folder is called", () => {
    expect(classifyIcloudEntry("iCloud Photos/Photos/IMG_1.HEIC")).toEqual({ area: "photos", dir: "Photos", name: "IMG_1.HEIC", json: false });
    expect(classifyIcloudEntry("iCloud-bilder Del 1 av 6/Photos/Photo Details-3.csv")).toEqual({ area: "photos", dir: "Photos", name: "Photo Details-3.csv", json: false });
    expect(classifyIcloudEntry("iCloud Photos/Albums/Spécial album.csv")).toEqual({ area: "photos", dir: "Albums", name: "Spécial album.csv", json: false });
    expect(classifyIcloudEntry("iCloud Photos/Recently Deleted/IMG_9.JPG")).toMatchObject({ area: "photos", dir: "Recently Deleted" });
  });

  it("lists memories, shared-album archives and the rest with a reason", () => {
    expect(classifyIcloudEntry("iCloud Photos/Memories/1. April 2025.csv")).toMatchObject({ area: "other", reason: expect.stringMatching(/memory/) });
    expect(classifyIcloudEntry("iCloud Photos/iCloud Shared Albums-1.zip")).toMatchObject({ area: "other", reason: expect.stringMatching(/Shared Albums/) });
    expect(classifyIcloudEntry("iCloud Photos/Albums/notes.txt")).toMatchObject({ area: "other" });
  });
});
