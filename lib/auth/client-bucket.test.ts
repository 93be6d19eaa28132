import { describe, expect, it } from "vitest";
import { clientBucket } from "./client-bucket";

describe("clientBucket", () => {
  it.each([
    ["192.168.1.20", "192.168.1.20"],
    ["::ffff:192.168.1.20", "192.168.1.20"],
    ["127.0.0.1", "loopback"],
    ["127.4.5.6", "loopback"],
    ["::1", "loopback"],
    ["2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["64:ff9b::10.0.0.1", "64:ff9b:0:0::/64"],
    ["", "unknown"],
    ["garbage", "unknown"],
  ])("%s → %s", (address, bucket) => expect(clientBucket(address)).toBe(bucket));

  it("puts every address of one /64 in one bucket", () => {
    const buckets = new Set(Array.from({ length: 50 }, (_, i) => clientBucket(`2001:db8:abcd:12:${i.toString(16)}::${i}`)));
    expect(buckets.size).toBe(1);
  });
});
