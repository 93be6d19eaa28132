// face-api's 68-point face landmark net as an ONNX graph.
import { int, ints, OnnxGraph } from "./onnx-graph";
import type { TfjsWeight } from "./read-tfjs-weights";

/** Input side of the landmark net; its input is [1, 3, 112, 112] RGB as (x − DESCRIPTOR_MEAN_RGB) / 255. */
export const LANDMARK_INPUT_SIZE = 112;

/**
 * The graph of face-api's FaceLandmark68Net from its weights (face_landmark_68_model): four dense
 * blocks (the first opening with a plain 3×3/2 conv, the rest with a separable one; each adds up
 * its separable convs' outputs with ReLUs between), a 7×7/2 average pool and a 256×136 fully
 * connected layer. Input "input" [1,3,112,112]; output "landmarks" [1,136]: x0, y0, x1, y1, … as
 * fractions of the input square.
 */
export function buildLandmarkGraph(weights: Map<string, TfjsWeight>): Uint8Array {
  const g = new OnnxGraph(weights);
  const separable = (x: string, prefix: string, stride: number) => {
    const depthwise = g.conv(x, g.weight(`${prefix}/depthwise_filter`), { stride, padding: "same", depthwise: true });
    return g.conv(depthwise, g.weight(`${prefix}/pointwise_filter`), { stride: 1, padding: "same", bias: g.weight(`${prefix}/bias`).data });
  };
  const relu = (x: string) => g.op("Relu", [x]);
  const add = (...xs: string[]) => xs.reduce((sum, x) => g.op("Add", [sum, x]));
  const denseBlock = (x: string, prefix: string, first: boolean) => {
    const out1 = relu(
      first
        ? g.conv(x, g.weight(`${prefix}/conv0/filters`), { stride: 2, padding: "same", bias: g.weight(`${prefix}/conv0/bias`).data })
        : separable(x, `${prefix}/conv0`, 2),
    );
    const out2 = separable(out1, `${prefix}/conv1`, 1);
    const out3 = separable(relu(add(out1, out2)), `${prefix}/conv2`, 1);
    const out4 = separable(relu(add(out1, out2, out3)), `${prefix}/conv3`, 1);
    return relu(add(out1, out2, out3, out4));
  };
  let out = "input";
  for (let block = 0; block < 4; block++) out = denseBlock(out, `dense${block}`, block === 0);
  const pooled = g.op("Flatten", [g.op("AveragePool", [out], [ints("kernel_shape", [7, 7]), ints("strides", [2, 2])])], [int("axis", 1)]);
  const fc = g.weight("fc/weights");
  g.op("Add", [g.op("MatMul", [pooled, g.constant(fc.data, fc.shape)]), g.constant(g.weight("fc/bias").data, [136])], [], "landmarks");
  return g.encode({ name: "input", dims: [1, 3, LANDMARK_INPUT_SIZE, LANDMARK_INPUT_SIZE] }, ["landmarks"]);
}
