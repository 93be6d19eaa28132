import { Suspense } from "react";
import { SearchScreen } from "@/components/screens/search-screen";

export default function SearchPage() {
  return (
    <Suspense>
      <SearchScreen />
    </Suspense>
  );
}
