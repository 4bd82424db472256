/**
 * Runs `work` on every item with at most `concurrency` at once, in order of the items; stops
 * taking new items once `signal` is aborted. For jobs that send e-mails one by one: a few at a
 * time keep the SMTP server busy without flooding it.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}

/**
 * At most `limit` runs of `work` at once across the process; the others wait their turn, first
 * come first served. For interactive transactions: each holds a pooled connection for its
 * whole length, so a burst of them (50 students submitting at once) must leave connections to
 * the reads they and the pages still make, or the pool starves (prisma/orm#8707).
 */
export function createSemaphore(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function withSlot<T>(work: () => Promise<T>): Promise<T> {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line (running unchanged), or frees up.
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
