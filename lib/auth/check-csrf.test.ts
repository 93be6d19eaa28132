import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { checkCsrf } from "./check-csrf";

const owner = { kind: "tailscale" as const, login: "me@example.com" };
const req = (method: string, headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/x", { method, headers: { host: "box.tailnet.ts.net", "x-forwarded-proto": "https", ...headers } });

describe("checkCsrf", () => {
  it("lets same-origin and non-browser requests through", () => {
    expect(() => checkCsrf(req("POST", { "sec-fetch-site": "same-origin" }), owner)).not.toThrow();
    expect(() => checkCsrf(req("POST", { origin: "https://box.tailnet.ts.net" }), owner)).not.toThrow();
    expect(() => checkCsrf(req("DELETE", {}), owner)).not.toThrow();
    expect(() => checkCsrf(req("GET", { "sec-fetch-site": "cross-site" }), owner)).not.toThrow();
  });

  it("refuses cross-site mutations with ambient credentials", () => {
    const attempts: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "https://evil.example" }, { origin: "null" }];
    for (const headers of attempts) {
      expect(() => checkCsrf(req("POST", headers), owner)).toThrow(AppError);
    }
    expect(() => checkCsrf(req("POST", { origin: "https://evil.example" }), null)).toThrow(/Cross-origin/);
  });

  it("exempts API tokens", () => {
    expect(() => checkCsrf(req("POST", { "sec-fetch-site": "cross-site" }), { kind: "token", login: "api-token" })).not.toThrow();
  });
});
