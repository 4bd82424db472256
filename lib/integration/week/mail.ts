import "server-only";
import type { MovedUp } from "@/lib/integration/week/service";
import { notify } from "@/lib/mail/notify";

/** R-INT-1: tells each student who moved up from the waiting list (after the commit). */
export async function mailMovedUp(movedUp: MovedUp[], requestId: string) {
  for (const student of movedUp) {
    await notify(
      student.email,
      student.locale,
      "integrationMovedUp",
      { name: student.name, session: student.title, startsOn: student.startsOn },
      requestId,
    );
  }
}
