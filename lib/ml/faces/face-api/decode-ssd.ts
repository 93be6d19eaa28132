// Turns the SSD detector's raw outputs into scored face boxes (anchor decoding + NMS).
import { suppressOverlaps } from "../suppress-overlaps";

/** A box in the detector's 0..1 input coordinates: top-left corner, size. */
export type SsdBox = { box: { x: number; y: number; width: number; height: number }; score: number };

/**
 * Decodes face-api's SSD outputs (see buildSsdGraph): for anchor i with centre (ya, xa) and size
 * (ha, wa), the box centre is (dy/10·ha + ya, dx/10·wa + xa) and its size (e^(dh/5)·ha,
 * e^(dw/5)·wa); the face score is sigmoid(class logit 1). Keeps boxes scoring ≥ `scoreThreshold`,
 * then greedy NMS (highest score first, dropping any box whose IoU with a kept one exceeds
 * `nmsIou`), at most `maxResults`. Boxes are clipped to 0..1.
 */
export function decodeSsd(
  outputs: { boxEncodings: Float32Array; classLogits: Float32Array; anchors: Float32Array },
  options: { scoreThreshold: number; nmsIou: number; maxResults?: number },
): SsdBox[] {
  const { boxEncodings, classLogits, anchors } = outputs;
  const count = anchors.length / 4;
  const candidates: SsdBox[] = [];
  for (let i = 0; i < count; i++) {
    const score = 1 / (1 + Math.exp(-classLogits[i * 3 + 1]!));
    if (score < options.scoreThreshold) continue;
    const [aymin, axmin, aymax, axmax] = [anchors[i * 4]!, anchors[i * 4 + 1]!, anchors[i * 4 + 2]!, anchors[i * 4 + 3]!];
    const ha = aymax - aymin, wa = axmax - axmin;
    const cy = (boxEncodings[i * 4]! / 10) * ha + aymin + ha / 2;
    const cx = (boxEncodings[i * 4 + 1]! / 10) * wa + axmin + wa / 2;
    const h = Math.exp(boxEncodings[i * 4 + 2]! / 5) * ha;
    const w = Math.exp(boxEncodings[i * 4 + 3]! / 5) * wa;
    const y0 = Math.max(0, cy - h / 2), x0 = Math.max(0, cx - w / 2);
    const y1 = Math.min(1, cy + h / 2), x1 = Math.min(1, cx + w / 2);
    if (x1 > x0 && y1 > y0) candidates.push({ box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, score });
  }
  return suppressOverlaps(candidates, options.nmsIou).slice(0, options.maxResults ?? 100);
}
