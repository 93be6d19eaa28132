import { Suspense, type ReactNode } from "react";
import { ViewerHost } from "@/components/lightbox/viewer-host";
import { Providers } from "@/components/providers";
import { OfflineBanner } from "@/components/offline/offline-banner";
import { AppShell } from "@/components/shell/app-shell";
import { DropUpload } from "@/components/upload/drop-upload";

export default function GalleryLayout({ children }: { children: ReactNode }) {
  return (
    <Providers>
      <ViewerHost>
        <AppShell>
          <OfflineBanner />
          {/* Its own boundary: React hydrates the screen after the shell, in short tasks, instead of all at once. */}
          <DropUpload>
            <Suspense>{children}</Suspense>
          </DropUpload>
        </AppShell>
      </ViewerHost>
    </Providers>
  );
}
