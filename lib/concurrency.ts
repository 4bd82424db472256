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
