import onnxProto from "onnx-proto";
import * as ort from "onnxruntime-node";

const { onnx } = onnxProto;
const INT8 = 3;
const INT32 = 6;

/**
 * A one-node ONNX graph (MatMulInteger of an int8 [n, d] matrix by an int8 [d, 1] vector, int32
 * out) run by onnxruntime: its SIMD kernels score 100k × 512 vectors in ~10–20 ms on this box,
 * faster than a JavaScript float loop over 4× the memory, and the matrix is passed by reference.
 */
export async function createDotProductSession(threads = 1): Promise<(matrix: Int8Array, rows: number, dim: number, query: Int8Array) => Promise<Int32Array>> {
  const shape = (...dims: (number | string)[]) => ({ dim: dims.map((d) => (typeof d === "string" ? { dimParam: d } : { dimValue: d })) });
  const value = (name: string, elemType: number, ...dims: (number | string)[]) => onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType, shape: shape(...dims) } } });
  const graph = onnx.GraphProto.create({
    name: "dot-product",
    node: [onnx.NodeProto.create({ opType: "MatMulInteger", input: ["matrix", "query"], output: ["scores"] })],
    input: [value("matrix", INT8, "n", "d"), value("query", INT8, "d", 1)],
    output: [value("scores", INT32, "n", 1)],
  });
  const model = onnx.ModelProto.encode(onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: "", version: 17 }], graph })).finish();
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: threads, interOpNumThreads: 1 });
  return async (matrix, rows, dim, query) => {
    if (rows === 0) return new Int32Array(0);
    const result = await session.run({
      matrix: new ort.Tensor("int8", matrix.subarray(0, rows * dim), [rows, dim]),
      query: new ort.Tensor("int8", query, [dim, 1]),
    });
    return result.scores!.data as Int32Array;
  };
}
