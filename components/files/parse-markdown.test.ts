import { describe, expect, it } from "vitest";
import { parseInline, parseMarkdown } from "./parse-markdown";

describe("parseMarkdown", () => {
  it("reads headings, lists, quotes, code and paragraphs", () => {
    const blocks = parseMarkdown("# Taxes 2024\n\nForms to file:\nsoon\n\n- W-2\n- 1099\n\n1. sign\n2. send\n\n> keep copies\n\n```\n<b>raw</b>\n```\n---");
    expect(blocks).toEqual([
      { type: "heading", level: 1, text: "Taxes 2024" },
      { type: "paragraph", text: "Forms to file: soon" },
      { type: "list", ordered: false, items: ["W-2", "1099"] },
      { type: "list", ordered: true, items: ["sign", "send"] },
      { type: "quote", text: "keep copies" },
      { type: "code", text: "<b>raw</b>" },
      { type: "rule" },
    ]);
  });

  it("keeps raw HTML as text and drops script links", () => {
    expect(parseMarkdown("<script>alert(1)</script>")).toEqual([{ type: "paragraph", text: "<script>alert(1)</script>" }]);
    expect(parseInline("[x](javascript:alert(1)) and [site](https://example.org) **bold** `c` *em*")).toEqual([
      { type: "text", text: "[x](javascript:alert(1)" },
      { type: "text", text: ") and " },
      { type: "link", text: "site", href: "https://example.org" },
      { type: "text", text: " " },
      { type: "strong", text: "bold" },
      { type: "text", text: " " },
      { type: "code", text: "c" },
      { type: "text", text: " " },
      { type: "em", text: "em" },
    ]);
  });
});
