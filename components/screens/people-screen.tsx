"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { getJson, qs } from "../api";
import { EmptyState, ErrorState, GridSkeleton, ScreenHeader } from "../states";
import type { PersonSummary } from "../types";
import { FaceCrop } from "./face-crop";
import { foldSinglePhotoPeople } from "./people-filter";

/** Face clusters, most photographed first; unnamed one-photo clusters and hidden people on request. */
export function PeopleScreen() {
  const [showHidden, setShowHidden] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const { data, error, refetch } = useQuery({ queryKey: ["people", showHidden], queryFn: () => getJson<{ people: PersonSummary[] }>(`/api/people${qs({ hidden: showHidden ? 1 : undefined })}`) });
  return (
    <>
      <ScreenHeader title="People">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={showHidden} onChange={(e) => setShowHidden(e.target.checked)} /> Show hidden
        </label>
      </ScreenHeader>
      {error ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : !data ? (
        <GridSkeleton count={8} />
      ) : data.people.length === 0 ? (
        <EmptyState icon="people" title="No people yet">Faces are grouped into people as the worker looks at your photos (see Settings → Models).</EmptyState>
      ) : (
        <PeopleGrid people={data.people} showAll={showAll} onShowAll={() => setShowAll(true)} />
      )}
    </>
  );
}

function PeopleGrid({ people, showAll, onShowAll }: { people: PersonSummary[]; showAll: boolean; onShowAll: () => void }) {
  const { shown, folded } = foldSinglePhotoPeople(people);
  return (
    <>
      <ul className="grid grid-cols-3 gap-4 px-4 pb-6 sm:grid-cols-4 md:grid-cols-6 xl:grid-cols-8" aria-label="People">
        {(showAll ? people : shown).map((person) => (
          <li key={person.id} className={person.hidden ? "opacity-60" : ""}>
            <Link prefetch={false} href={`/people/${person.id}`} className="flex flex-col items-center gap-1 rounded-lg p-1 text-center hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 dark:hover:bg-slate-800">
              {person.cover ? <FaceCrop cover={person.cover} className="h-20 w-20 sm:h-24 sm:w-24" /> : null}
              <span className={`text-sm font-medium ${person.name ? "" : "text-slate-600 dark:text-slate-300"}`}>{person.name ?? "Add a name"}</span>
              <span className="text-xs text-slate-600 dark:text-slate-300">{person.photos} {person.photos === 1 ? "photo" : "photos"}{person.hidden ? " · hidden" : ""}</span>
              {person.nameSource === "takeout" ? <span className="text-xs text-slate-600 dark:text-slate-300">from Google Takeout</span> : null}
            </Link>
          </li>
        ))}
      </ul>
      {folded.length > 0 && !showAll ? (
        <p className="px-4 pb-6 text-sm text-slate-600 dark:text-slate-300">
          {folded.length} unnamed {folded.length === 1 ? "face seen" : "faces seen"} on a single photo {folded.length === 1 ? "is" : "are"} not shown.{" "}
          <button type="button" onClick={onShowAll} className="font-medium text-sky-700 underline dark:text-sky-300">Show all</button>
        </p>
      ) : null}
    </>
  );
}
