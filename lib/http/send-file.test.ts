import { describe, expect, it } from "vitest";
import { contentDisposition } from "./send-file";

describe("contentDisposition", () => {
  it("keeps unicode names in filename* and strips dangerous characters", () => {
    expect(contentDisposition("inline", 'Été "2024"/../x.jpg')).toBe(
      `inline; filename="Ete _2024__.._x.jpg"; filename*=UTF-8''%C3%89t%C3%A9%20_2024__.._x.jpg`,
    );
    expect(contentDisposition("attachment", "a\r\nSet-Cookie: x")).toBe(`attachment; filename="a__Set-Cookie: x"; filename*=UTF-8''a__Set-Cookie%3A%20x`);
  });
});
