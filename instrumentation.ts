// Runs once when a server process starts: a wrong environment stops it here, with the list
// of problems, rather than in the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    env();
  }
}
