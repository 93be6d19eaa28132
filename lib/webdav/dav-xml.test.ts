import { describe, expect, it } from "vitest";
import { parseXml } from "./dav-xml";

describe("parseXml", () => {
  it("resolves namespaces (prefixed, default, the null namespace) and keeps a value's source", () => {
    const root = parseXml(`<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:" xmlns:Z="http://ex/"><D:set><D:prop><Z:a>x &amp; <b xmlns="urn:b">y</b></Z:a><c xmlns="">z</c></D:prop></D:set></D:propertyupdate>`);
    expect(root).toMatchObject({ ns: "DAV:", name: "propertyupdate" });
    const [a, c] = root.children[0]!.children[0]!.children;
    expect(a).toMatchObject({ ns: "http://ex/", name: "a", inner: 'x &amp; <b xmlns="urn:b">y</b>', text: "x & " });
    expect(a!.children[0]).toMatchObject({ ns: "urn:b", name: "b", text: "y" });
    expect(c).toMatchObject({ ns: "", name: "c", text: "z" });
  });

  it("refuses malformed bodies, undeclared prefixes, a prefix bound to no namespace, and any DOCTYPE", () => {
    for (const bad of ["<foo>", "<a></b>", "<x:a/>", `<D:a xmlns:D="DAV:"><b:c xmlns:b=""/></D:a>`, `<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`, "<a/><b/>", "<a>&bogus;</a>"]) {
      expect(() => parseXml(bad), bad).toThrow(/Malformed XML body/);
    }
  });
});
