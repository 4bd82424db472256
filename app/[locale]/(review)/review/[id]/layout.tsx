import type { ReactNode } from "react";
import { ClientMessages } from "@/components/layout/client-messages";

// The messages this route's client components use (tests/unit/client-namespaces.test.ts).
export default function Layout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={["conversation", "housing", "letters", "nominations", "review"]}>
      {children}
    </ClientMessages>
  );
}
