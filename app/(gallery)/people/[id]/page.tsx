import { PersonScreen } from "@/components/screens/person-screen";

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  return <PersonScreen id={(await params).id} />;
}
