import { describe, expect, it } from "vitest";
import { redactSecrets } from "./redact-secrets";

describe("redactSecrets", () => {
  it("removes configured secret values wherever they appear", () => {
    expect(redactSecrets("token abcdef0123456789abcdef01 rejected", ["abcdef0123456789abcdef01"])).toBe("token [redacted] rejected");
  });

  it("removes passphrases, tokens and cookies from logged JSON fields", () => {
    const line = `2026-12-05T09:00:00.000Z WARN  [api] login {"passphrase":"correct horse battery","apiToken":"x1y2","sessionCookie":"abc","nested":{"shareToken":"s3cr3t","ok":"kept"}}`;
    const out = redactSecrets(line);
    for (const secret of ["correct horse battery", "x1y2", "abc\"", "s3cr3t"]) expect(out).not.toContain(secret);
    expect(out).toContain(`"ok":"kept"`);
    expect(out).toContain(`"passphrase":"[redacted]"`);
  });

  it("removes Authorization headers, cookie headers and session cookies", () => {
    expect(redactSecrets("headers: Authorization: Bearer abc.DEF-123_xyz")).toBe("headers: Authorization: Bearer [redacted]");
    expect(redactSecrets("authorization=Basic dXNlcjpwYXNz")).toBe("authorization=Basic [redacted]");
    expect(redactSecrets("cookie: __Host-albums-session=deadbeef; other=1")).toBe("cookie: [redacted]");
    expect(redactSecrets("sent albums-session=deadbeef to the client")).toBe("sent albums-session=[redacted] to the client");
  });

  it("removes passwords in URLs, tokens in query strings and share-link tokens", () => {
    expect(redactSecrets("smtp://me:hunter2@100.64.0.3:587 refused")).toBe("smtp://me:[redacted]@100.64.0.3:587 refused");
    expect(redactSecrets("GET /api/x?token=abc123&page=2")).toBe("GET /api/x?token=[redacted]&page=2");
    expect(redactSecrets("GET /s/Zk3mQ9xP2aLw8vNc4bTy")).toBe("GET /s/[redacted]");
    expect(redactSecrets("GET /api/share/Zk3mQ9xP2aLw8vNc4bTy/zip")).toBe("GET /api/share/[redacted]/zip");
  });

  it("leaves ordinary lines alone", () => {
    const line = `2026-12-05T09:00:00.000Z INFO  [worker] thumbnails made {"assets":12,"path":"/srv/albums/derived/ab"}`;
    expect(redactSecrets(line)).toBe(line);
  });
});
