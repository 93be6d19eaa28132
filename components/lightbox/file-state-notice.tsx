import Link from "next/link";

const MESSAGES: Record<string, string> = {
  missing: "The original file is missing from the box. Its details are kept; put the file back from a backup.",
  corrupt: "The original no longer matches its checksum: it was damaged on disk. Restore it from a backup.",
  unavailable: "The original could not be read (a disk or permission error). Nothing was deleted.",
  offline: "The original is in an external library that is offline right now (a share not mounted). Nothing was deleted; it is back when the library is.",
};

/** Says, over the viewer, when the original behind this photo is missing, damaged, unreadable or in an offline library. */
export function FileStateNotice({ fileState }: { fileState: string }) {
  const message = MESSAGES[fileState];
  if (!message) return null;
  return (
    <p role="status" data-testid="file-state-notice" className="absolute inset-x-2 bottom-2 z-10 rounded-lg bg-amber-100 px-3 py-2 text-sm text-amber-950 shadow dark:bg-amber-900 dark:text-amber-50">
      {message}{" "}
      <Link prefetch={false} href={fileState === "offline" ? "/admin#libraries" : "/admin#health"} className="font-semibold underline">
        What to do
      </Link>
    </p>
  );
}
