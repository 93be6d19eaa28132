import { describe, expect, it } from "vitest";
import { davHref, davSegments, isDavPath } from "./dav-path";

describe("WebDAV paths", () => {
  it("decode each segment once (a name may hold %, spaces, UTF-8) from a path or an absolute Destination", () => {
    expect(davSegments("/dav/Taxes%202024/100%25%20done.csv?x=1#frag")).toEqual(["Taxes 2024", "100% done.csv"]);
    expect(davSegments("http://box.ts.net:8443/dav/%C3%A9t%C3%A9/")).toEqual(["été"]);
    expect(davSegments("/dav")).toEqual([]);
    expect(davHref(["Taxes 2024", "100% done.csv"], false)).toBe("/dav/Taxes%202024/100%25%20done.csv");
    expect(davHref(["été"], true)).toBe("/dav/%C3%A9t%C3%A9/");
  });

  it("refuse dot segments (never normalised away), NUL, bad escapes and anything outside /dav/", () => {
    for (const bad of ["/dav/../api/health", "/dav/%2e%2e/x", "/dav/a/%2E/b", "/dav/a%00b", "/dav/%E0%A4%A", "/davx/a", "/api/dav/a"]) {
      expect(() => davSegments(bad), bad).toThrow();
    }
    expect(isDavPath("/davx")).toBe(false);
    expect(isDavPath("/dav/")).toBe(true);
  });
});
