"use client";
import Link from "next/link";
import { useState } from "react";
import { formatBytes, formatDateTime } from "../format";
import { Icon } from "../icons";
import type { FolderView } from "@/lib/file-browser/folder-view";

export type FolderRow = FolderView["folders"][number];
export type FileRow = FolderView["files"][number];
/** What a row's menu acts on. */
export type RowItem = { type: "folder"; item: FolderRow } | { type: "file"; item: FileRow };
export type RowAction = "rename" | "move" | "versions" | "delete";

const menuItemClass = "block w-full px-4 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800";

function RowMenu({ row, onAction }: { row: RowItem; onAction: (action: RowAction, row: RowItem) => void }) {
  const [open, setOpen] = useState(false);
  const act = (action: RowAction) => {
    setOpen(false);
    onAction(action, row);
  };
  return (
    <div className="relative">
      <button type="button" aria-label={`Actions for ${row.item.name}`} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} className="rounded-full p-2 hover:bg-slate-100 dark:hover:bg-slate-800">
        <Icon name="more" />
      </button>
      {open ? (
        <div role="menu" aria-label={`Actions for ${row.item.name}`} className="absolute right-0 z-20 mt-1 w-48 overflow-hidden rounded-lg border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
          <button type="button" role="menuitem" className={menuItemClass} onClick={() => act("rename")}>Rename</button>
          <button type="button" role="menuitem" className={menuItemClass} onClick={() => act("move")}>Move</button>
          {row.type === "file" ? <a role="menuitem" className={menuItemClass} href={`/api/files/entries/${row.item.id}/content`} download onClick={() => setOpen(false)}>Download</a> : null}
          {row.type === "folder" ? <a role="menuitem" className={menuItemClass} href={`/api/files/folders/${row.item.id}/zip`} download onClick={() => setOpen(false)}>Download as ZIP</a> : null}
          {row.type === "file" && row.item.versions > 0 ? <button type="button" role="menuitem" className={menuItemClass} onClick={() => act("versions")}>Previous versions ({row.item.versions})</button> : null}
          <button type="button" role="menuitem" className={`${menuItemClass} text-red-700 dark:text-red-300`} onClick={() => act("delete")}>Move to trash</button>
        </div>
      ) : null}
    </div>
  );
}

const rowClass = "flex items-center gap-3 px-2 py-2";
const metaClass = "block truncate text-xs text-slate-600 dark:text-slate-300";

/** A folder's contents: folders first, then files, each with its size and date and a menu of actions. */
export function FilesList({ view, selected, onOpenFile, onAction }: { view: FolderView; selected: string | null; onOpenFile: (file: FileRow) => void; onAction: (action: RowAction, row: RowItem) => void }) {
  return (
    <ul aria-label="Folder contents" className="divide-y divide-slate-200 dark:divide-slate-700">
      {view.folders.map((folder) => (
        <li key={folder.id} className={rowClass} data-testid="folder-row">
          <Icon name="folder" className="h-6 w-6 shrink-0 text-sky-700 dark:text-sky-300" />
          <Link prefetch={false} href={`/files/${folder.id}`} className="min-w-0 flex-1 hover:underline">
            <span className="block truncate font-medium">{folder.name}</span>
            <span className={metaClass}>Folder · {formatDateTime(folder.updatedAt, null, "medium")}</span>
          </Link>
          <RowMenu row={{ type: "folder", item: folder }} onAction={onAction} />
        </li>
      ))}
      {view.files.map((file) => (
        <li key={file.id} className={`${rowClass} ${selected === file.id ? "bg-sky-50 dark:bg-sky-950" : ""}`} data-testid="file-row">
          <Icon name={file.kind === "photo" ? "photos" : file.kind === "video" ? "play" : "file"} className="h-6 w-6 shrink-0 text-slate-600 dark:text-slate-300" />
          <button type="button" className="min-w-0 flex-1 text-left hover:underline" aria-pressed={selected === file.id} onClick={() => onOpenFile(file)}>
            <span className="block truncate font-medium">{file.name}</span>
            <span className={metaClass}>{formatBytes(file.size)} · {formatDateTime(file.updatedAt, null, "medium")}{file.versions > 0 ? ` · ${file.versions} earlier version${file.versions === 1 ? "" : "s"}` : ""}</span>
          </button>
          <RowMenu row={{ type: "file", item: file }} onAction={onAction} />
        </li>
      ))}
    </ul>
  );
}
