import { describe, expect, it } from "vitest";
import { contentDisposition, parseRange } from "./send-file";

describe("parseRange", () => {
  it.each([
    ["bytes=0-9", { start: 0, end: 9 }],
    ["bytes=10-", { start: 10, end: 99 }],
    ["bytes=-5", { start: 95, end: 99 }],
    ["bytes=90-200", { start: 90, end: 99 }],
  ])("%s", (header, expected) => expect(parseRange(header, 100, null, '"e"')).toEqual(expected));

  it("rejects unsatisfiable ranges", () => {
    expect(parseRange("bytes=100-", 100, null, '"e"')).toBe("invalid");
    expect(parseRange("bytes=5-2", 100, null, '"e"')).toBe("invalid");
    expect(parseRange("bytes=-0", 100, null, '"e"')).toBe("invalid");
  });

  it("serves the whole file for no, multi or stale If-Range requests", () => {
    expect(parseRange(null, 100, null, '"e"')).toBeNull();
    expect(parseRange("bytes=0-1,5-6", 100, null, '"e"')).toBeNull();
    expect(parseRange("bytes=0-1", 100, '"old"', '"e"')).toBeNull();
  });
});

describe("contentDisposition", () => {
  it("keeps unicode names in filename* and strips dangerous characters", () => {
    expect(contentDisposition("inline", 'Été "2024"/../x.jpg')).toBe(
      `inline; filename="Ete _2024__.._x.jpg"; filename*=UTF-8''%C3%89t%C3%A9%20_2024__.._x.jpg`,
    );
    expect(contentDisposition("attachment", "a\r\nSet-Cookie: x")).toBe(`attachment; filename="a__Set-Cookie: x"; filename*=UTF-8''a__Set-Cookie%3A%20x`);
  });
});
