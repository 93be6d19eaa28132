import { AlbumsScreen } from "@/components/screens/albums-screen";

export default function AlbumsPage() {
  return <AlbumsScreen />;
}
