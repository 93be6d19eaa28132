import { describe, expect, it } from "vitest";
import { isSuspiciousPath } from "./reject-path";

describe("isSuspiciousPath", () => {
  it.each([
    "/api/assets/../../etc/passwd",
    "/api/assets/..%2F..%2Fetc%2Fpasswd/original",
    "/api/assets/%2e%2e/original",
    "/api/assets/..%252F..%252Fetc/original",
    "/api/assets/..\\..\\etc\\passwd",
    "/api/assets/x%5c..%5cy",
    "/api/assets/%00/original",
    "/api/assets//etc/passwd/thumbnail",
    "/api/assets/%E0%A4%A/original",
  ])("rejects %s", (url) => expect(isSuspiciousPath(url)).toBe(true));

  it.each(["/", "/api/assets/3f2b-11/original", "/api/assets?cursor=abc..def", "/_next/static/chunks/app.js", "/api/assets/x/thumbnail?size=../../x"])("accepts %s", (url) =>
    expect(isSuspiciousPath(url)).toBe(false),
  );
});
