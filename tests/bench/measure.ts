/** Times a function: a few warm-up runs, then `runs` measured ones; milliseconds. */
export async function measure(name: string, run: () => Promise<unknown>, runs = 20) {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { name, p50: round(at(0.5)), p95: round(at(0.95)), max: round(times[times.length - 1]!) };
}

const round = (value: number) => Math.round(value * 10) / 10;

export function report(title: string, rows: { name: string; p50: number; p95: number; max: number }[]) {
  console.log(`\n${title}\n${"case".padEnd(58)} p50 ms   p95 ms   max ms`);
  for (const row of rows)
    console.log(
      `${row.name.padEnd(58)} ${String(row.p50).padStart(6)}   ${String(row.p95).padStart(6)}   ${String(row.max).padStart(6)}`,
    );
}
