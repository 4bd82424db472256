import { getTranslations } from "next-intl/server";
import { PageSection } from "@/components/ui/page-section";
import { getFacultyContacts } from "@/lib/conversation/queries";
import { getPortalSettings } from "@/lib/settings/queries";

/** R-MSG-1: who the student's contacts are (the faculty's IR correspondents) and when they receive. */
export async function FacultyContacts({
  componentId,
  locale,
  staff = false,
}: {
  componentId: string | null;
  locale: "fr" | "en";
  /** On the reviewers' page: the same facts under a staff title. */
  staff?: boolean;
}) {
  const [contacts, settings, t] = await Promise.all([
    getFacultyContacts(componentId, locale),
    getPortalSettings(),
    getTranslations("conversation"),
  ]);
  return (
    <PageSection id="contacts-title" title={staff ? t("staffContactsTitle") : t("contactsTitle")}>
      {!staff && <p>{t("contactsIntro")}</p>}
      {!contacts ? (
        <p>{t("noFaculty")}</p>
      ) : (
        <div className="flex flex-col gap-2 rounded border border-slate-300 bg-white p-4">
          <p className="font-medium">{t("contactsFaculty", { faculty: contacts.faculty })}</p>
          {contacts.correspondents.length === 0 ? (
            <p>
              {settings.incomingEmail
                ? t("noCorrespondent", { email: settings.incomingEmail })
                : t("noCorrespondentNoEmail")}
            </p>
          ) : (
            <ul className="flex flex-col gap-1">
              {contacts.correspondents.map((person) => (
                <li key={person.id}>
                  {person.name} —{" "}
                  <a className="text-brand underline" href={`mailto:${person.email}`}>
                    {person.email}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <h3 className="font-semibold">{t("officeHours")}</h3>
          <p className="whitespace-pre-wrap">{contacts.officeHours ?? t("noOfficeHours")}</p>
        </div>
      )}
    </PageSection>
  );
}
