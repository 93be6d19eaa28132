import onnxProto from "onnx-proto";
import * as ort from "onnxruntime-node";

const { onnx } = onnxProto;
const UINT8 = 2;
const INT8 = 3;
const INT32 = 6;
/** Matrix entries are int8 values stored plus 128 (as uint8), the operand layout onnxruntime's integer GEMM is fastest with. */
export const MATRIX_OFFSET = 128;

/**
 * A one-node ONNX graph (MatMulInteger of an [n, d] matrix by an int8 [d, 1] vector, int32 out)
 * run by onnxruntime. The matrix is uint8 with zero point 128 — int8 values stored plus 128 — so
 * the product is the int8 dot product, computed by the u8×s8 kernels (VNNI where the CPU has it):
 * 100k × 512 in ~11 ms on one thread of this box, twice as fast as s8×s8 and steadier than two
 * threads while the worker keeps the other core busy. The matrix is passed by reference.
 */
export async function createDotProductSession(threads = 1): Promise<(matrix: Uint8Array, rows: number, dim: number, query: Int8Array) => Promise<Int32Array>> {
  const shape = (...dims: (number | string)[]) => ({ dim: dims.map((d) => (typeof d === "string" ? { dimParam: d } : { dimValue: d })) });
  const value = (name: string, elemType: number, ...dims: (number | string)[]) => onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType, shape: shape(...dims) } } });
  const graph = onnx.GraphProto.create({
    name: "dot-product",
    node: [onnx.NodeProto.create({ opType: "MatMulInteger", input: ["matrix", "query", "matrix_zero_point"], output: ["scores"] })],
    input: [value("matrix", UINT8, "n", "d"), value("query", INT8, "d", 1)],
    output: [value("scores", INT32, "n", 1)],
    initializer: [onnx.TensorProto.create({ name: "matrix_zero_point", dataType: UINT8, dims: [], rawData: new Uint8Array([MATRIX_OFFSET]) })],
  });
  const model = onnx.ModelProto.encode(onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: "", version: 17 }], graph })).finish();
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: threads, interOpNumThreads: 1 });
  return async (matrix, rows, dim, query) => {
    if (rows === 0) return new Int32Array(0);
    const result = await session.run({
      matrix: new ort.Tensor("uint8", matrix.subarray(0, rows * dim), [rows, dim]),
      query: new ort.Tensor("int8", query, [dim, 1]),
    });
    return result.scores!.data as Int32Array;
  };
}
