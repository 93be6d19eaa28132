"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Icon, type IconName } from "../icons";
import { EgressPin } from "./egress-pin";
import { TroubleBanner } from "./trouble-banner";

const NAV: { href: string; label: string; icon: IconName }[] = [
  { href: "/", label: "Photos", icon: "photos" },
  { href: "/search", label: "Search", icon: "search" },
  { href: "/albums", label: "Albums", icon: "albums" },
  { href: "/people", label: "People", icon: "people" },
  { href: "/places", label: "Places", icon: "place" },
  { href: "/memories", label: "Memories", icon: "memories" },
  { href: "/files", label: "Files", icon: "folder" },
  { href: "/favorites", label: "Favorites", icon: "heart" },
  { href: "/archive", label: "Archive", icon: "archive" },
  { href: "/trash", label: "Trash", icon: "trash" },
  { href: "/duplicates", label: "Duplicates", icon: "similar" },
  { href: "/upload", label: "Upload", icon: "upload" },
  { href: "/imports", label: "Imports", icon: "upload" },
  { href: "/admin", label: "Settings", icon: "settings" },
];
/** The phone's bottom bar, the four thumb destinations (browse, search, upload, settings); the rest are in the menu. */
const BOTTOM = ["/", "/search", "/upload", "/admin"];

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** Sidebar on wide screens; top bar, menu sheet and bottom bar on phones. */
export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [menuOpen, setMenuOpen] = useState(false);
  const link = (item: (typeof NAV)[number], compact = false) => (
    <Link prefetch={false}
      key={item.href}
      href={item.href}
      onClick={() => setMenuOpen(false)}
      aria-current={isActive(pathname, item.href) ? "page" : undefined}
      className={
        compact
          ? "flex flex-1 flex-col items-center gap-0.5 py-2 text-xs text-slate-600 aria-[current=page]:text-sky-700 dark:text-slate-300 dark:aria-[current=page]:text-sky-300"
          : "flex items-center gap-3 rounded-full px-4 py-2 text-sm text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-sky-100 aria-[current=page]:font-semibold aria-[current=page]:text-sky-900 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-sky-900 dark:aria-[current=page]:text-sky-100"
      }
    >
      <Icon name={item.icon} />
      {item.label}
    </Link>
  );
  return (
    <div className="min-h-dvh md:flex">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:bg-white focus:p-2 dark:focus:bg-slate-900">Skip to content</a>
      <header className="sticky top-0 z-30 flex items-center justify-between border-b border-slate-200 bg-white/95 px-3 py-2 backdrop-blur md:hidden dark:border-slate-800 dark:bg-slate-950/95">
        <button type="button" aria-label="Menu" aria-expanded={menuOpen} aria-controls="nav-sheet" onClick={() => setMenuOpen((o) => !o)} className="rounded-full p-2 hover:bg-slate-100 dark:hover:bg-slate-800">
          <Icon name="menu" />
        </button>
        <span className="font-semibold">Albums</span>
        <EgressPin compact />
      </header>
      {menuOpen ? (
        <nav id="nav-sheet" aria-label="All screens" className="fixed inset-x-0 top-[53px] z-30 max-h-[80dvh] overflow-y-auto border-b border-slate-200 bg-white p-2 shadow-lg md:hidden dark:border-slate-800 dark:bg-slate-950">
          {NAV.map((item) => link(item))}
        </nav>
      ) : null}
      <nav aria-label="Main" className="sticky top-0 hidden h-dvh w-56 shrink-0 flex-col gap-0.5 overflow-y-auto border-r border-slate-200 p-3 md:flex dark:border-slate-800">
        <span role="heading" aria-level={2} className="px-4 pb-3 pt-1 text-lg font-semibold">Albums</span>
        {NAV.map((item) => link(item))}
        <div className="mt-auto px-2 pt-4">
          <EgressPin />
        </div>
      </nav>
      <main id="main" className="min-w-0 flex-1 pb-16 md:pb-0">
        <TroubleBanner />
        {children}
      </main>
      <nav aria-label="Shortcuts" className="fixed inset-x-0 bottom-0 z-30 flex border-t border-slate-200 bg-white/95 backdrop-blur md:hidden dark:border-slate-800 dark:bg-slate-950/95">
        {NAV.filter((item) => BOTTOM.includes(item.href)).map((item) => link(item, true))}
      </nav>
    </div>
  );
}
