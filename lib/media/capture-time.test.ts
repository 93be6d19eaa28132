import { describe, expect, it } from "vitest";
import { parseFileNameDate, resolveCaptureTime } from "./capture-time";

const uploadTime = new Date("2026-01-02T03:04:05Z");
const base = { uploadTime, boxTimeZone: "UTC" };

describe("resolveCaptureTime", () => {
  it("uses EXIF time with its offset", () => {
    const r = resolveCaptureTime({ ...base, exifDateTime: "2022:08:14 14:12:31", exifOffset: "+03:00" });
    expect(r).toEqual({ capturedAt: new Date("2022-08-14T11:12:31Z"), source: "exif", timeZone: "+03:00" });
  });

  it("reads EXIF local time in the time zone of the GPS position (DST aware)", () => {
    const r = resolveCaptureTime({ ...base, exifDateTime: "2008:10:22 16:28:39", gps: { latitude: 43.4674, longitude: 11.8851 } });
    expect(r).toEqual({ capturedAt: new Date("2008-10-22T14:28:39Z"), source: "exif-gps-timezone", timeZone: "Europe/Rome" });
    const winter = resolveCaptureTime({ ...base, exifDateTime: "2008:12:22 16:28:39", gps: { latitude: 43.4674, longitude: 11.8851 } });
    expect(winter.capturedAt).toEqual(new Date("2008-12-22T15:28:39Z"));
  });

  it("keeps sub-seconds", () => {
    const r = resolveCaptureTime({ ...base, exifDateTime: "2022:02:16 12:55:41", exifSubSec: "762", exifOffset: "+01:00" });
    expect(r.capturedAt.toISOString()).toBe("2022-02-16T11:55:41.762Z");
  });

  it("prefers the client's time over zone-less EXIF, and zone-less EXIF over the file name", () => {
    const clientTime = new Date("2020-05-05T10:00:00Z");
    expect(resolveCaptureTime({ ...base, exifDateTime: "2019:01:01 10:00:00", clientTime }).source).toBe("client");
    const exifLocal = resolveCaptureTime({ ...base, exifDateTime: "2019:01:01 10:00:00", fileName: "IMG_20240726_153012.jpg" });
    expect(exifLocal).toEqual({ capturedAt: new Date("2019-01-01T10:00:00Z"), source: "exif-local", timeZone: "UTC" });
  });

  it("ignores garbage EXIF dates and falls back", () => {
    const r = resolveCaptureTime({ ...base, exifDateTime: "0000:00:00 00:00:00", exifOffset: "+01:00", fileName: "PXL_20240726_153012345.jpg" });
    expect(r).toEqual({ capturedAt: new Date("2024-07-26T15:30:12Z"), source: "filename", timeZone: "UTC" });
  });

  it("falls back to the upload time", () => {
    expect(resolveCaptureTime({ ...base, fileName: "holiday.jpg" })).toEqual({ capturedAt: uploadTime, source: "upload", timeZone: null });
  });

  it("uses a video container time before the client's", () => {
    const containerTime = new Date("2023-07-01T08:00:00Z");
    const r = resolveCaptureTime({ ...base, containerTime, clientTime: new Date("2024-01-01T00:00:00Z") });
    expect(r.source).toBe("container");
  });
});

describe("parseFileNameDate", () => {
  it.each([
    ["IMG_20240726_153012.jpg", [2024, 7, 26, 15, 30, 12]],
    ["VID_20240726_153012.mp4", [2024, 7, 26, 15, 30, 12]],
    ["20240726_153012.jpg", [2024, 7, 26, 15, 30, 12]],
    ["Screenshot_20240726-153012_Chrome.jpg", [2024, 7, 26, 15, 30, 12]],
    ["signal-2024-07-26-153012.jpg", [2024, 7, 26, 15, 30, 12]],
    ["2024-07-26 15.30.12.jpg", [2024, 7, 26, 15, 30, 12]],
    ["IMG-20240726-WA0001.jpg", [2024, 7, 26, 0, 0, 0]],
  ])("%s", (name, [year, month, day, hour, minute, second]) => {
    expect(parseFileNameDate(name)).toEqual({ year, month, day, hour, minute, second, ms: 0 });
  });

  it.each(["DSCN0010.jpg", "IMG_1234.JPG", "IMG_20241345_101010.jpg"])("rejects %s", (name) => {
    expect(parseFileNameDate(name)).toBeNull();
  });
});
