import { DuplicatesScreen } from "@/components/screens/duplicates-screen";

export default function DuplicatesPage() {
  return <DuplicatesScreen />;
}
