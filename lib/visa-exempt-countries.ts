import "server-only";
import { visaExemptListCode } from "@/lib/country-lists";
import { type Db, db, type Tx } from "@/lib/db";

/**
 * R-VIS-6: the EU, EEA and Swiss nationalities (ISO codes), who need no visa; none while the
 * list has not been set. An admin edits it (visa procedures); the arrival checklist, its
 * reminders and the welcome desk read it, each through this one function.
 */
export async function findVisaExemptCountries(client: Db | Tx = db): Promise<string[]> {
  const list = await client.countryList.findUnique({
    where: { code: visaExemptListCode },
    select: { countries: true },
  });
  return list?.countries ?? [];
}
