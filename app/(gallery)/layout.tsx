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
          <DropUpload>{children}</DropUpload>
        </AppShell>
      </ViewerHost>
    </Providers>
  );
}
