// The ONNX scan against a plain JavaScript dot product, over the whole int8 range.
import { expect, it } from "vitest";
import { createDotProductSession, MATRIX_OFFSET } from "./dot-product-session";

it("computes the int8 dot product of every row with the query", async () => {
  const rows = 257;
  const dim = 512;
  let seed = 3;
  const int8 = () => ((seed = (seed * 1664525 + 1013904223) % 2 ** 32) % 255) - 127;
  const values = Int8Array.from({ length: rows * dim }, int8);
  values.set([127, -127, -128 + 1], 0);
  const query = Int8Array.from({ length: dim }, int8);
  const scan = await createDotProductSession();
  const scores = await scan(Uint8Array.from(values, (x) => x + MATRIX_OFFSET), rows, dim, query);
  const expected = Int32Array.from({ length: rows }, (_, r) => values.subarray(r * dim, (r + 1) * dim).reduce((sum, x, k) => sum + x * query[k]!, 0));
  expect(scores).toEqual(expected);
  expect(await scan(new Uint8Array(0), 0, dim, query)).toHaveLength(0);
});
