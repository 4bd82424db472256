/**
 * lib/concurrency.ts createSemaphore: bounds the submissions' transactions below the pool size
 * (issue 20), so it must never let more than its limit run, serve waiters in order, and free
 * its slot whatever the work does.
 */
import { describe, expect, it } from "vitest";
import { createSemaphore } from "@/lib/concurrency";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("createSemaphore", () => {
  it("never runs more than its limit at once, and runs everything", async () => {
    const withSlot = createSemaphore(3);
    let running = 0;
    let highest = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        withSlot(async () => {
          running++;
          highest = Math.max(highest, running);
          await tick();
          running--;
          return index;
        }),
      ),
    );
    expect(highest).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, index) => index));
  });

  it("serves the waiting calls first come, first served", async () => {
    const withSlot = createSemaphore(1);
    const started: number[] = [];
    await Promise.all(
      [0, 1, 2, 3].map((index) =>
        withSlot(async () => {
          started.push(index);
          await tick();
        }),
      ),
    );
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it("frees the slot when the work fails, and passes the failure on", async () => {
    const withSlot = createSemaphore(1);
    await expect(withSlot(() => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(await withSlot(async () => "next")).toBe("next");
  });
});
