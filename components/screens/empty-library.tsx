import Link from "next/link";
import { Icon, type IconName } from "../icons";

const WAYS: { href: string; icon: IconName; title: string; text: string }[] = [
  { href: "/upload", icon: "upload", title: "Upload from this device", text: "Pick photos, videos or documents — or drag files and folders anywhere onto this page." },
  { href: "/imports", icon: "photos", title: "Import from Google Photos", text: "Send the Takeout .zip files Google gives you; dates, places and albums come along." },
  { href: "/upload", icon: "people", title: "Back up your phone", text: "Open this page on your phone, add it to the home screen, then share photos to Albums or back up a camera folder." },
];

/** What an empty library shows instead of a bare grid: the ways to bring photos in. */
export function EmptyLibrary() {
  return (
    <section aria-labelledby="empty-library" className="mx-auto max-w-3xl px-4 py-10" data-testid="empty-library">
      <h2 id="empty-library" className="text-xl font-semibold">Your library is empty</h2>
      <p className="mt-1 text-slate-600 dark:text-slate-300">Bring your photos in one of these ways. Everything stays on this box.</p>
      <ul className="mt-6 grid gap-3 sm:grid-cols-3">
        {WAYS.map((way) => (
          <li key={way.href}>
            <Link prefetch={false} href={way.href} className="flex h-full flex-col gap-2 rounded-xl border border-slate-200 p-4 hover:border-sky-600 hover:bg-sky-50 dark:border-slate-700 dark:hover:bg-slate-800">
              <Icon name={way.icon} className="h-6 w-6 text-sky-700 dark:text-sky-300" />
              <span className="font-semibold">{way.title}</span>
              <span className="text-sm text-slate-600 dark:text-slate-300">{way.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
