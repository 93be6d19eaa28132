import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";

describe("securityHeaders", () => {
  it("puts the nonce in the CSP and keeps every answer to our own origin", () => {
    const headers = securityHeaders("abc");
    expect(headers["Content-Security-Policy"]).toContain("'nonce-abc'");
    expect(headers["Cross-Origin-Resource-Policy"]).toBe("same-origin");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
  });
});
