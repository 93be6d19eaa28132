import { MemoriesScreen } from "@/components/screens/memories-screen";

export default function MemoriesPage() {
  return <MemoriesScreen />;
}
