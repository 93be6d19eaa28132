import { ShelfScreen } from "@/components/screens/shelf-screen";

export default function FavoritesPage() {
  return <ShelfScreen view="favorites" />;
}
