"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ApiError, sendJson } from "./api";
import { Icon, type IconName } from "./icons";
import { RecentThumbnails } from "./recent-thumbnails";

/** Nothing here yet: what this screen will show and how to get there. */
export function EmptyState({ icon, title, children }: { icon: IconName; title: string; children?: ReactNode }) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-3 px-6 py-16 text-center">
      <span className="rounded-full bg-slate-100 p-4 text-slate-600 dark:bg-slate-800 dark:text-slate-300">
        <Icon name={icon} className="h-8 w-8" />
      </span>
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="text-sm text-slate-600 dark:text-slate-300">{children}</div>
    </div>
  );
}

/** A failed load: what went wrong and what to do (sign in, retry, check the box). */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  if (error instanceof ApiError && error.status === 401) return <SignIn />;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="mx-auto my-8 max-w-lg rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <p className="font-medium">This could not be loaded.</p>
      <p className="mt-1">{message}</p>
      <p className="mt-1">If the box is restarting, wait a moment; otherwise check <code>npm start</code>&apos;s log on the box.</p>
      {retry ? (
        <button type="button" onClick={retry} className="mt-3 rounded-md bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800">
          Try again
        </button>
      ) : null}
      {/* Offline (the installed app without a network): what the phone still has. */}
      <RecentThumbnails />
    </div>
  );
}

/** Shown when the API says 401: the passphrase fallback (Tailscale signs you in without it). */
function SignIn() {
  const client = useQueryClient();
  const [passphrase, setPassphrase] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await sendJson("POST", "/api/auth/login", { passphrase });
      await client.invalidateQueries();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <form onSubmit={submit} className="mx-auto my-12 flex max-w-sm flex-col gap-3 rounded-xl border border-slate-200 p-6 dark:border-slate-700">
      <h2 className="text-lg font-semibold">Sign in to Albums</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">Open Albums through <code>tailscale serve</code> to be signed in as the owner, or use the passphrase set with <code>npm run passphrase</code>.</p>
      <label className="text-sm font-medium" htmlFor="passphrase">Passphrase</label>
      <input id="passphrase" type="password" autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} className="rounded-md border border-slate-300 bg-transparent px-3 py-2 dark:border-slate-600" />
      {problem ? <p role="alert" className="text-sm text-red-700 dark:text-red-300">{problem}</p> : null}
      <button type="submit" className="rounded-md bg-sky-700 px-3 py-2 font-medium text-white hover:bg-sky-800">Sign in</button>
    </form>
  );
}

/** Grey tiles while a grid loads. */
export function GridSkeleton({ count = 18 }: { count?: number }) {
  return (
    <div aria-hidden="true" className="grid grid-cols-3 gap-0.5 sm:grid-cols-4 md:grid-cols-6 lg:grid-cols-8">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="aspect-square animate-pulse bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}

/** Screen title row with optional actions on the right. */
export function ScreenHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
      <h1 className="text-xl font-semibold">{title}</h1>
      <div className="flex flex-wrap items-center gap-2">{children}</div>
    </div>
  );
}

export const buttonClass = "inline-flex items-center gap-1.5 rounded-full border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800";
export const primaryButtonClass = "inline-flex items-center gap-1.5 rounded-full bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:opacity-50";
export const inputClass = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-600 dark:bg-slate-900";
