import type { TRoundMailsJob } from "@/lib/housing/release/schemas";
import { roundMailsJob } from "@/lib/jobs/definitions";
import type { JobDefinition } from "@/lib/jobs/queue";

/**
 * The portal's round e-mails job on a queue of the test's own, taken for dead after 4 s (not an
 * hour) so that a killed worker's job is retried within the test.
 */
export function roundMailsTestJob(queue: string): JobDefinition<TRoundMailsJob> {
  return { ...roundMailsJob(), name: queue, expireInSeconds: 4, retryDelaySeconds: 1 };
}
