import type { ReactNode } from "react";

/** A setting's technical side (environment variables, commands), folded away under the plain text. */
export function Technical({ children, summary = "How to change this" }: { children: ReactNode; summary?: string }) {
  return (
    <details className="mt-1 text-sm text-slate-600 dark:text-slate-300">
      <summary className="cursor-pointer text-sky-800 dark:text-sky-300">{summary}</summary>
      <div className="mt-1 break-words">{children}</div>
    </details>
  );
}

const TECHNICAL = /ALBUMS_[A-Z_]+|npm run |\/api\//;

/**
 * A message from the box said plainly: its sentences that name environment variables, commands
 * or API paths are folded into "How to change this", the rest reads as it is.
 */
export function PlainText({ text }: { text: string }) {
  const sentences = text.split(/(?<=[.!?;])\s+/);
  const plain = sentences.filter((s) => !TECHNICAL.test(s)).join(" ");
  const technical = sentences.filter((s) => TECHNICAL.test(s)).join(" ");
  return (
    <>
      {plain || (technical ? "Needs a change in the box's settings." : "")}
      {technical ? <Technical>{technical}</Technical> : null}
    </>
  );
}
