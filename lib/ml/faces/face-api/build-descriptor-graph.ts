// face-api's face recognition net (dlib's ResNet-34-like 128-d descriptor) as an ONNX graph.
import { int, ints, OnnxGraph, type Padding } from "./onnx-graph";
import type { TfjsWeight } from "./read-tfjs-weights";

/** Input side of the descriptor; its input is [1, 3, 150, 150] RGB as (x − DESCRIPTOR_MEAN_RGB) / 255. */
export const DESCRIPTOR_INPUT_SIZE = 150;
export const DESCRIPTOR_MEAN_RGB = [122.782, 117.001, 104.298] as const;

type Feature = { name: string; size: number; channels: number };

/**
 * The graph of face-api's FaceRecognitionNet.forwardInput from its weights (face_recognition_model):
 * a 7×7/2 conv + 3×3/2 max pool, residual stages of 32/64/128/256 channels (each "down" block
 * adds a 2×2 average pool of its input, zero-padded in channels and, where the sizes differ, the
 * block's output zero-padded by a row and column at the end, as face-api does), a global mean
 * and a 256×128 fully connected layer. Input "input" [1,3,150,150], output "descriptor" [1,128].
 */
export function buildDescriptorGraph(weights: Map<string, TfjsWeight>): Uint8Array {
  const g = new OnnxGraph(weights);
  const conv = (x: Feature, prefix: string, stride: number, padding: Padding, relu: boolean): Feature => {
    const filters = g.weight(`${prefix}/conv/filters`);
    const scale = g.weight(`${prefix}/scale/weights`).data;
    const bias = g.weight(`${prefix}/conv/bias`).data.map((b, i) => b * scale[i]! + g.weight(`${prefix}/scale/biases`).data[i]!);
    const k = filters.shape[0]!;
    const out = g.conv(x.name, filters, { stride, padding, scale, bias });
    const size = padding === "same" ? Math.ceil(x.size / stride) : Math.floor((x.size - k) / stride) + 1;
    return { name: relu ? g.op("Relu", [out]) : out, size, channels: filters.shape[3]! };
  };
  const residual = (x: Feature, prefix: string): Feature => {
    const inner = conv(conv(x, `${prefix}/conv1`, 1, "same", true), `${prefix}/conv2`, 1, "same", false);
    return { ...inner, name: g.op("Relu", [g.op("Add", [inner.name, x.name])]) };
  };
  const residualDown = (x: Feature, prefix: string): Feature => {
    let inner = conv(conv(x, `${prefix}/conv1`, 2, "valid", true), `${prefix}/conv2`, 1, "same", false);
    const pooledSize = Math.floor((x.size - 2) / 2) + 1;
    let pooled = g.op("AveragePool", [x.name], [ints("kernel_shape", [2, 2]), ints("strides", [2, 2])]);
    if (pooledSize !== inner.size) {
      const grow = pooledSize - inner.size;
      inner = { ...inner, size: pooledSize, name: g.op("Pad", [inner.name, g.shape([0, 0, 0, 0, 0, 0, grow, grow])]) };
    }
    if (inner.channels !== x.channels) pooled = g.op("Pad", [pooled, g.shape([0, 0, 0, 0, 0, inner.channels - x.channels, 0, 0])]);
    return { ...inner, name: g.op("Relu", [g.op("Add", [pooled, inner.name])]) };
  };

  let x: Feature = conv({ name: "input", size: DESCRIPTOR_INPUT_SIZE, channels: 3 }, "conv32_down", 2, "valid", true);
  x = { ...x, size: Math.floor((x.size - 3) / 2) + 1, name: g.op("MaxPool", [x.name], [ints("kernel_shape", [3, 3]), ints("strides", [2, 2])]) };
  for (const block of ["conv32_1", "conv32_2", "conv32_3"]) x = residual(x, block);
  for (const [down, blocks] of [["conv64_down", ["conv64_1", "conv64_2", "conv64_3"]], ["conv128_down", ["conv128_1", "conv128_2"]], ["conv256_down", ["conv256_1", "conv256_2"]]] as const) {
    x = residualDown(x, down);
    for (const block of blocks) x = residual(x, block);
  }
  x = residualDown(x, "conv256_down_out");
  const pooled = g.op("Flatten", [g.op("GlobalAveragePool", [x.name])], [int("axis", 1)]);
  const fc = g.weight("fc");
  g.op("MatMul", [pooled, g.constant(fc.data, fc.shape)], [], "descriptor");
  return g.encode({ name: "input", dims: [1, 3, DESCRIPTOR_INPUT_SIZE, DESCRIPTOR_INPUT_SIZE] }, ["descriptor"]);
}
