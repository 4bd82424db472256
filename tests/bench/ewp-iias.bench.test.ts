/**
 * A partner's IIAs get response of 500 agreements (issue 17): validated against the official
 * schema (one xmllint run for the whole file) and every iia-hash computed, in at most 10 s.
 * The IIAs are the official example's, repeated with distinct IDs (read from EWP_SPECS_DIR,
 * never copied into the repository).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyseIiasResponse } from "@/lib/ewp/iias-response";
import { ewpSpecsAvailable, ewpSpecsDir } from "../support/ewp-specs";

const IIA_COUNT = 500;

function responseOf(count: number): string {
  const example = readFileSync(path.join(ewpSpecsDir, "iias-v7", "endpoints", "get-response-example.xml"), "utf8");
  const start = example.indexOf("<iia>");
  const end = example.lastIndexOf("</iia>") + "</iia>".length;
  const iia = example.slice(start, end);
  const many = Array.from({ length: count }, (_, i) =>
    iia.replace("0f7a5682-faf7-49a7-9cc7-ec486c49a281", `bench-${i}`),
  ).join("\n");
  return example.slice(0, start) + many + example.slice(end);
}

describe.skipIf(!ewpSpecsAvailable)("EWP IIAs import at scale", () => {
  it(`validates and hashes a ${IIA_COUNT}-IIA response in ≤ 10 s`, async () => {
    const bytes = new TextEncoder().encode(responseOf(IIA_COUNT));
    const started = performance.now();
    const analysis = await analyseIiasResponse(bytes, ewpSpecsDir);
    const elapsed = performance.now() - started;
    console.log(
      `\n${IIA_COUNT} IIAs, ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB: validated and hashed in ${Math.round(elapsed)} ms`,
    );
    expect(analysis.ok).toBe(true);
    if (!analysis.ok) return;
    expect(analysis.iias).toHaveLength(IIA_COUNT);
    // Each copy's stated hash is the example's, which no longer matches once its ID changed.
    expect(analysis.iias.filter((iia) => iia.hashMatches)).toHaveLength(0);
    expect(new Set(analysis.iias.map((iia) => iia.computedHash)).size).toBe(IIA_COUNT);
    expect(elapsed).toBeLessThanOrEqual(10_000);
  });
});
