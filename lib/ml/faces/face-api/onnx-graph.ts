// A small builder for ONNX graphs made of TF.js weights (NHWC filters turned into ONNX's NCHW).
import onnxProto, { type onnx as Onnx } from "onnx-proto";
import type { TfjsWeight } from "./read-tfjs-weights";

const { onnx } = onnxProto;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;

export type Padding = "same" | "valid";

/**
 * Collects nodes and initializers; each method adds one operation on NCHW float tensors and
 * returns the name of its output. `encode` serialises the model (opset 13).
 */
export class OnnxGraph {
  private readonly nodes: Onnx.INodeProto[] = [];
  private readonly initializers: Onnx.ITensorProto[] = [];
  private count = 0;

  constructor(private readonly weights: Map<string, TfjsWeight>) {}

  /** A weight by its TF.js name (throws when the file lacks it). */
  weight(name: string): TfjsWeight {
    const found = this.weights.get(name);
    if (!found) throw new Error(`Weight missing: ${name}`);
    return found;
  }

  constant(values: Float32Array, dims: number[]): string {
    const name = this.fresh("const");
    this.initializers.push({ name, dims, dataType: FLOAT, rawData: bytesOf(values) });
    return name;
  }

  shape(dims: number[]): string {
    const name = this.fresh("shape");
    const values = BigInt64Array.from(dims.map(BigInt));
    this.initializers.push({ name, dims: [dims.length], dataType: INT64, rawData: new Uint8Array(values.buffer) });
    return name;
  }

  op(opType: string, input: string[], attribute: Onnx.IAttributeProto[] = [], output = this.fresh(opType)): string {
    this.nodes.push({ opType, input, output: [output], attribute });
    return output;
  }

  /**
   * Conv of `x` with TF.js filters [kh, kw, in, out] (or depthwise [kh, kw, c, 1]), optionally
   * scaled per output channel and biased (a folded batch norm / scale layer). TF's "same" padding
   * puts the odd pixel at the end, as ONNX's SAME_UPPER does.
   */
  conv(x: string, filters: TfjsWeight, options: { stride: number; padding: Padding; depthwise?: boolean; scale?: Float32Array; bias?: Float32Array }): string {
    const [kh, kw, cin, cout] = filters.shape as [number, number, number, number];
    const out = options.depthwise ? cin : cout;
    const perGroupIn = options.depthwise ? 1 : cin;
    const oihw = new Float32Array(out * perGroupIn * kh * kw);
    for (let y = 0; y < kh; y++) {
      for (let xx = 0; xx < kw; xx++) {
        for (let i = 0; i < cin; i++) {
          for (let o = 0; o < cout; o++) {
            const value = filters.data[((y * kw + xx) * cin + i) * cout + o]!;
            const [oc, ic] = options.depthwise ? [i, 0] : [o, i];
            oihw[((oc * perGroupIn + ic) * kh + y) * kw + xx] = value * (options.scale?.[oc] ?? 1);
          }
        }
      }
    }
    const inputs = [x, this.constant(oihw, [out, perGroupIn, kh, kw])];
    if (options.bias) inputs.push(this.constant(options.bias, [out]));
    return this.op("Conv", inputs, [
      ints("kernel_shape", [kh, kw]),
      ints("strides", [options.stride, options.stride]),
      ...(options.depthwise ? [int("group", cin)] : []),
      options.padding === "same" ? str("auto_pad", "SAME_UPPER") : str("auto_pad", "VALID"),
    ]);
  }

  clip(x: string, min: number, max: number): string {
    return this.op("Clip", [x, this.constant(Float32Array.of(min), []), this.constant(Float32Array.of(max), [])]);
  }

  encode(input: { name: string; dims: (number | string)[] }, outputs: string[]): Uint8Array {
    const valueInfo = (name: string, dims: (number | string)[] | null): Onnx.IValueInfoProto => ({
      name,
      type: { tensorType: { elemType: FLOAT, ...(dims ? { shape: { dim: dims.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) } } : {}) } },
    });
    const graph: Onnx.IGraphProto = {
      name: "face-api",
      node: this.nodes,
      initializer: this.initializers,
      input: [valueInfo(input.name, input.dims)],
      output: outputs.map((name) => valueInfo(name, null)),
    };
    const model = onnx.ModelProto.create({ irVersion: 7, producerName: "albums", opsetImport: [{ domain: "", version: 13 }], graph });
    return onnx.ModelProto.encode(model).finish();
  }

  private fresh(prefix: string): string {
    this.count += 1;
    return `${prefix}_${this.count}`;
  }
}

export const ints = (name: string, values: number[]): Onnx.IAttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.INTS, ints: values });
export const int = (name: string, value: number): Onnx.IAttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.INT, i: value });
const str = (name: string, value: string): Onnx.IAttributeProto => ({ name, type: onnx.AttributeProto.AttributeType.STRING, s: new TextEncoder().encode(value) });

function bytesOf(values: Float32Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}
