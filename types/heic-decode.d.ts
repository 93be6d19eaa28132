declare module "heic-decode" {
  type Decoded = { width: number; height: number; data: Uint8ClampedArray };
  function decode(input: { buffer: ArrayBufferLike | Uint8Array }): Promise<Decoded>;
  namespace decode {
    function all(input: { buffer: ArrayBufferLike | Uint8Array }): Promise<(Pick<Decoded, "width" | "height"> & { decode: () => Promise<Decoded> })[]>;
  }
  export default decode;
}
