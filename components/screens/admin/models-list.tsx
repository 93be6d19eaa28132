"use client";
import { useQuery } from "@tanstack/react-query";
import { getJson } from "../../api";
import { ErrorState } from "../../states";
import type { ModelStatus } from "../../types";
import { Panel } from "./panel";
import { Technical } from "./plain-text";

const NAMES: Record<ModelStatus["kind"], string> = { ocr: "Text in photos (OCR)", faces: "Faces", clip: "Visual search (CLIP)", caption: "Captions" };

/** ML models present or missing, and the command that installs a missing one. */
export function ModelsList() {
  const { data, error } = useQuery({ queryKey: ["models"], queryFn: () => getJson<{ models: ModelStatus[] }>("/api/admin/models") });
  return (
    <Panel title="Models" id="models">
      {error ? <ErrorState error={error} /> : null}
      <ul className="space-y-2 text-sm">
        {(data?.models ?? []).map((m) => (
          <li key={m.kind}>
            <span className={`mr-2 rounded-full px-2 py-0.5 text-xs font-semibold ${m.present ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100" : "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100"}`}>{m.present ? "present" : "missing"}</span>
            <span className="font-medium">{NAMES[m.kind]}</span>
            <span className="block break-all text-slate-600 dark:text-slate-300">{m.present ? m.where : m.missing}</span>
            {!m.present ? <Technical summary="How to install it">{m.howToGet}</Technical> : null}
            {!m.present && m.howToGet.startsWith("npm run") ? <code className="mt-1 block rounded bg-slate-100 p-1.5 text-xs dark:bg-slate-800">{m.howToGet.split(",")[0]}</code> : null}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
