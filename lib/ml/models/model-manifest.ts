/** One file of a model repository; `sha256` pins its content when known (else the hub's own checksum is used). */
export type ModelFile = { path: string; sha256?: string };

/** A model Albums recommends, fetched only by `npm run models:download` into `<dataDir>/models/<name>/`. */
export type ModelEntry = {
  name: string;
  /** Hugging Face repository (transformers.js layout with ONNX exports). */
  repo: string;
  /** Git revision to fetch; the commit actually served is recorded in the folder's albums-model.json. */
  revision: string;
  purpose: string;
  licence: string;
  /** Rough download size for the summary: fp32 weights × parameter count, not a verified number. */
  approxMB: number;
  files: ModelFile[];
};

// No sha256 is pinned here: huggingface.co cannot be reached from where this was written, and a
// checksum that was never observed is worse than none. Each download is instead verified against
// the checksum the hub itself publishes for the file (X-Linked-Etag = sha256 of an LFS file, ETag =
// git blob sha1 of a small file), and a file without either is refused (see expected-checksum.ts).
// Pin `sha256` values here once observed, to also guard against a compromised hub or mirror.
export const MODEL_MANIFEST: readonly ModelEntry[] = [
  {
    name: "clip-vit-base-patch32",
    repo: "Xenova/clip-vit-base-patch32",
    revision: "main",
    purpose: "smart search (CLIP ViT-B/32 image + text encoders, 512-d)",
    licence: "MIT (OpenAI CLIP)",
    approxMB: 605,
    files: [
      "config.json",
      "preprocessor_config.json",
      "tokenizer.json",
      "tokenizer_config.json",
      "special_tokens_map.json",
      "vocab.json",
      "merges.txt",
      "onnx/text_model.onnx",
      "onnx/vision_model.onnx",
    ].map((path) => ({ path })),
  },
  {
    name: "vit-gpt2-image-captioning",
    repo: "Xenova/vit-gpt2-image-captioning",
    revision: "main",
    purpose: "captions (ViT encoder + GPT-2 decoder)",
    licence: "Apache-2.0 (nlpconnect/vit-gpt2-image-captioning)",
    approxMB: 960,
    files: [
      "config.json",
      "generation_config.json",
      "preprocessor_config.json",
      "tokenizer.json",
      "tokenizer_config.json",
      "special_tokens_map.json",
      "vocab.json",
      "merges.txt",
      "onnx/encoder_model.onnx",
      "onnx/decoder_model_merged.onnx",
    ].map((path) => ({ path })),
  },
];
