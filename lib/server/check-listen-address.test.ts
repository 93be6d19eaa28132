import { describe, expect, it } from "vitest";
import { listenAddressProblem } from "./check-listen-address";

describe("listenAddressProblem", () => {
  it("allows loopback always", () => {
    expect(listenAddressProblem({ host: "127.0.0.1", allowLan: false }, false)).toBeNull();
    expect(listenAddressProblem({ host: "::1", allowLan: false }, false)).toBeNull();
  });
  it("refuses other addresses unless LAN is allowed and a passphrase exists", () => {
    expect(listenAddressProblem({ host: "0.0.0.0", allowLan: false }, true)).toMatch(/ALBUMS_ALLOW_LAN=1/);
    expect(listenAddressProblem({ host: "192.168.1.10", allowLan: true }, false)).toMatch(/passphrase/);
    expect(listenAddressProblem({ host: "0.0.0.0", allowLan: true }, true)).toBeNull();
  });
});
