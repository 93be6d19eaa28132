import { AlbumScreen } from "@/components/screens/album-screen";

export default async function AlbumPage({ params }: { params: Promise<{ id: string }> }) {
  return <AlbumScreen id={(await params).id} />;
}
