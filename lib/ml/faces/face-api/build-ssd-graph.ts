// face-api's SSD MobileNet v1 face detector (backbone + box/class heads) as an ONNX graph.
import { int, ints, OnnxGraph } from "./onnx-graph";
import type { TfjsWeight } from "./read-tfjs-weights";

/** Input side of the detector; its input is [1, 3, 512, 512] RGB as x / 127.5 − 1. */
export const SSD_INPUT_SIZE = 512;
const BATCH_NORM_EPSILON = 0.0010000000474974513;
/** Depthwise layers of MobileNet v1 that halve the feature map. */
const DOWNSAMPLING_LAYERS = new Set([2, 4, 6, 12]);

/**
 * The graph of face-api's SsdMobilenetv1 up to its raw predictions (ssd_mobilenetv1_model):
 * MobileNet v1 (ReLU6, batch norms folded into the convolutions), the 8 extra feature layers and
 * the 6 box predictors. Input "input" [1,3,512,512]; outputs "box_encodings" [1,5118,4] (SSD
 * encodings: dy, dx, dh, dw), "class_logits" [1,5118,3] (index 1 is "face") and "anchors"
 * [1,5118,4] (ymin, xmin, ymax, xmax in 0..1) — decoded by decodeSsd.
 */
export function buildSsdGraph(weights: Map<string, TfjsWeight>): Uint8Array {
  const g = new OnnxGraph(weights);
  const pointwise = (x: string, prefix: string, stride: number) =>
    g.clip(g.conv(x, g.weight(`${prefix}/weights`), { stride, padding: "same", bias: g.weight(`${prefix}/convolution_bn_offset`).data }), 0, 6);
  const depthwise = (x: string, prefix: string, stride: number) => {
    const w = (name: string) => g.weight(`${prefix}/BatchNorm/${name}`).data;
    const [gamma, beta, mean, variance] = [w("gamma"), w("beta"), w("moving_mean"), w("moving_variance")];
    const scale = gamma.map((v, i) => v / Math.sqrt(variance[i]! + BATCH_NORM_EPSILON));
    const bias = beta.map((v, i) => v - mean[i]! * scale[i]!);
    return g.clip(g.conv(x, g.weight(`${prefix}/depthwise_weights`), { stride, padding: "same", depthwise: true, scale, bias }), 0, 6);
  };

  let out = pointwise("input", "MobilenetV1/Conv2d_0_pointwise", 2);
  let conv11 = "";
  for (let layer = 1; layer <= 13; layer++) {
    out = depthwise(out, `MobilenetV1/Conv2d_${layer}_depthwise`, DOWNSAMPLING_LAYERS.has(layer) ? 2 : 1);
    out = pointwise(out, `MobilenetV1/Conv2d_${layer}_pointwise`, 1);
    if (layer === 11) conv11 = out;
  }
  const extra: string[] = [];
  let feature = out;
  for (let layer = 0; layer < 8; layer++) {
    feature = pointwise(feature, `Prediction/Conv2d_${layer}_pointwise`, layer % 2 === 1 ? 2 : 1);
    extra.push(feature);
  }
  const sources = [conv11, out, extra[1]!, extra[3]!, extra[5]!, extra[7]!];
  const head = (x: string, prefix: string, width: number) => {
    const conv = g.conv(x, g.weight(`${prefix}/weights`), { stride: 1, padding: "same", bias: g.weight(`${prefix}/biases`).data });
    return g.op("Reshape", [g.op("Transpose", [conv], [ints("perm", [0, 2, 3, 1])]), g.shape([1, -1, width])]);
  };
  const concat = (parts: string[], output: string) => g.op("Concat", parts, [int("axis", 1)], output);
  concat(sources.map((x, i) => head(x, `Prediction/BoxPredictor_${i}/BoxEncodingPredictor`, 4)), "box_encodings");
  concat(sources.map((x, i) => head(x, `Prediction/BoxPredictor_${i}/ClassPredictor`, 3)), "class_logits");
  const anchors = g.weight("Output/extra_dim");
  g.op("Identity", [g.constant(anchors.data, anchors.shape)], [], "anchors");
  return g.encode({ name: "input", dims: [1, 3, SSD_INPUT_SIZE, SSD_INPUT_SIZE] }, ["box_encodings", "class_logits", "anchors"]);
}
