import type { ApplicationStep } from "@/lib/applications/schemas";

/** The facts that say whether each step of the form has been saved. */
export interface CompletenessFacts {
  firstName: string | null;
  partnerId: string | null;
  componentId: string | null;
  academicYear: number | null;
  plannedCourses: unknown;
  languagesDeclared: boolean;
  housingRequested: boolean | null;
}

/**
 * The steps still to fill in, in form order. Each step is saved whole (its schema requires
 * its fields), so one column of a step is enough to know it was saved.
 */
export function incompleteSteps(application: CompletenessFacts): ApplicationStep[] {
  const missing: ApplicationStep[] = [];
  if (!application.firstName) missing.push("identity");
  if (!application.partnerId) missing.push("home");
  const courses = application.plannedCourses;
  if (!application.componentId || application.academicYear === null || !Array.isArray(courses) || courses.length === 0)
    missing.push("study");
  if (!application.languagesDeclared) missing.push("languages");
  if (application.housingRequested === null) missing.push("housing");
  return missing;
}
