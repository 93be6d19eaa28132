import { ImportsScreen } from "@/components/screens/imports-screen";

export default function ImportsPage() {
  return <ImportsScreen />;
}
