import { PeopleScreen } from "@/components/screens/people-screen";

export default function PeoplePage() {
  return <PeopleScreen />;
}
