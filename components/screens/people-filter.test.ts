import { describe, expect, it } from "vitest";
import type { PersonSummary } from "../types";
import { foldSinglePhotoPeople } from "./people-filter";

const person = (id: string, photos: number, name: string | null = null): PersonSummary => ({ id, name, nameSource: name ? "owner" : null, hidden: false, faces: photos, photos, cover: null });

describe("foldSinglePhotoPeople", () => {
  it("folds unnamed one-photo clusters away and keeps the order of the rest", () => {
    const { shown, folded } = foldSinglePhotoPeople([person("a", 9), person("b", 1), person("c", 2), person("d", 1, "Ana"), person("e", 1)]);
    expect(shown.map((p) => p.id)).toEqual(["a", "c", "d"]);
    expect(folded.map((p) => p.id)).toEqual(["b", "e"]);
  });
});
