/** The form fields' values, as the form encodes them (strings). */
export type StepValues = Record<string, string>;

import type { TPlannedCourse } from "@/lib/applications/schemas";

interface SavedApplication {
  firstName: string | null;
  lastName: string | null;
  dateOfBirth: Date | null;
  nationality: string | null;
  contactEmail: string | null;
  phone: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  partnerId: string | null;
  homeCoordinatorName: string | null;
  homeCoordinatorEmail: string | null;
  nominatedBy: string | null;
  nominatedOn: Date | null;
  componentId: string | null;
  programmeId: string | null;
  studyLevel: string | null;
  period: string | null;
  academicYear: number | null;
  plannedCourses: unknown;
  frenchLevel: string | null;
  englishLevel: string | null;
  languagesDeclared: boolean;
  housingRequested: boolean | null;
  housingCity: string | null;
  housingNeeds: string | null;
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

/** What the form fields show for a saved application: the form's own string encoding. */
export function formValues(application: SavedApplication | null, fallbackEmail: string): StepValues {
  if (!application) return { contactEmail: fallbackEmail };
  const level = (value: string | null) => (application.languagesDeclared ? (value ?? "UNKNOWN") : "");
  return {
    firstName: application.firstName ?? "",
    lastName: application.lastName ?? "",
    dateOfBirth: day(application.dateOfBirth),
    nationality: application.nationality ?? "",
    contactEmail: application.contactEmail ?? fallbackEmail,
    phone: application.phone ?? "",
    addressLine: application.addressLine ?? "",
    postalCode: application.postalCode ?? "",
    city: application.city ?? "",
    country: application.country ?? "",
    partnerId: application.partnerId ?? "",
    homeCoordinatorName: application.homeCoordinatorName ?? "",
    homeCoordinatorEmail: application.homeCoordinatorEmail ?? "",
    nominatedBy: application.nominatedBy ?? "",
    nominatedOn: day(application.nominatedOn),
    componentId: application.componentId ?? "",
    programmeId: application.programmeId ?? "",
    studyLevel: application.studyLevel ?? "",
    period: application.period ?? "",
    academicYear: application.academicYear?.toString() ?? "",
    frenchLevel: level(application.frenchLevel),
    englishLevel: level(application.englishLevel),
    housingRequested: application.housingRequested === null ? "" : application.housingRequested ? "yes" : "no",
    housingCity: application.housingCity ?? "",
    housingNeeds: application.housingNeeds ?? "",
  };
}

export function courseValues(plannedCourses: unknown) {
  const courses = Array.isArray(plannedCourses) ? (plannedCourses as TPlannedCourse[]) : [];
  return courses.map((course) => ({ title: course.title, ects: String(course.ects), semester: course.semester }));
}
