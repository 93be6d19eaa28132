import { describe, expect, it } from "vitest";
import { evaluateIf, parseIfHeader, submittedTokens } from "./if-header";

describe("If header", () => {
  const lists = parseIfHeader('<http://h/dav/a> (<opaquelocktoken:1> ["e1"]) (Not <DAV:no-lock> ["e1"])');

  it("parses tagged lists with tokens, ETags and Not", () => {
    expect(lists).toEqual([
      { resource: "http://h/dav/a", conditions: [{ not: false, token: "opaquelocktoken:1" }, { not: false, etag: '"e1"' }] },
      { resource: "http://h/dav/a", conditions: [{ not: true, token: "DAV:no-lock" }, { not: false, etag: '"e1"' }] },
    ]);
    expect(submittedTokens(lists)).toEqual(["opaquelocktoken:1"]);
    expect(() => parseIfHeader("(<opaquelocktoken:1> [")).toThrow();
  });

  it("holds when any list holds for its resource", () => {
    expect(evaluateIf(lists, () => ({ etag: '"e1"', tokens: [] }))).toBe(true); // second list: Not no-lock + ETag
    expect(evaluateIf(lists, () => ({ etag: '"e2"', tokens: ["opaquelocktoken:1"] }))).toBe(false);
    expect(evaluateIf(parseIfHeader("(<opaquelocktoken:1>)"), () => ({ etag: null, tokens: ["opaquelocktoken:1"] }))).toBe(true);
  });
});
