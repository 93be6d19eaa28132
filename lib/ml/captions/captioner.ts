/** Something that describes a photo in one sentence; `id` names the provider and model (stored with captions). */
export type Captioner = { id: string; caption(image: Buffer): Promise<string> };
