"use client";
import type { SearchResult } from "../types";

const FIELD_NAMES: Record<string, string> = { name: "file name", caption: "caption", ocr: "text in photo", text: "document text", place: "place", camera: "camera", album: "album", people: "person", description: "description" };

/** Why the first results matched, in words ("text in photo: park"), for the grid above it. */
export function MatchList({ items, corrections }: { items: SearchResult["items"]; corrections: SearchResult["corrections"] }) {
  const explained = items.filter((i) => i.match).slice(0, 6);
  if (explained.length === 0) return null;
  return (
    <details className="px-4 pb-2 text-sm" open={explained.length <= 3}>
      <summary className="cursor-pointer text-slate-700 dark:text-slate-200">Why these matched</summary>
      <ol className="mt-1 space-y-0.5" data-testid="match-explanations">
        {explained.map((item, i) => (
          <li key={item.id} className="text-slate-600 dark:text-slate-300">
            {i + 1}. {explain(item.match!, corrections)}
          </li>
        ))}
      </ol>
    </details>
  );
}

function explain(match: NonNullable<SearchResult["items"][number]["match"]>, corrections: SearchResult["corrections"]): string {
  const parts: string[] = [];
  const closeTo = (word: string) => corrections.find((c) => c.terms.includes(word));
  const shown = (word: string) => (closeTo(word) ? `${word} (close to “${closeTo(word)!.typed}”)` : word);
  if (match.bm25) parts.push(Object.entries(match.bm25.fields).map(([field, words]) => `${FIELD_NAMES[field] ?? field}: ${(words ?? []).map(shown).join(", ")}`).join("; "));
  if (match.clip) parts.push(`looks alike (${Math.round(match.clip.similarity * 100)}%)`);
  return parts.join(" · ") || "matched";
}
