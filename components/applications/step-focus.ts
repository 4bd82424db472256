/**
 * "Save and continue" leaves a mark for the next step's page to take focus (the action answers
 * with a redirect, so nothing else travels from one page to the other). Kept in the tab's
 * session storage, taken once.
 */
const key = "apply.focusNextStep";

export function markStepFocus(): void {
  sessionStorage.setItem(key, "1");
}

export function clearStepFocus(): void {
  sessionStorage.removeItem(key);
}

export function consumeStepFocus(): boolean {
  const marked = sessionStorage.getItem(key) === "1";
  sessionStorage.removeItem(key);
  return marked;
}
