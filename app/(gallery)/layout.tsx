import type { ReactNode } from "react";
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
          {/* No Suspense boundary here: the screen streams in document order, so its first HTML (the Photos page's first screen) paints where it stands instead of waiting hidden for React's reveal script. */}
          <DropUpload>{children}</DropUpload>
        </AppShell>
      </ViewerHost>
    </Providers>
  );
}
