import { PlacesScreen } from "@/components/screens/places-screen";

export default function PlacesPage() {
  return <PlacesScreen />;
}
