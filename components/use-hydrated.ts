"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and while React hydrates the server's HTML, true from then on (and at once
 * for anything mounted later). Content the server cannot know, such as a query answer that another
 * component already fetched before this Suspense boundary hydrated, waits for it.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
