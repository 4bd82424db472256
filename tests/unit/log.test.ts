/**
 * The log lines (lib/log.ts): one JSON object per line that a collector can filter by event
 * and follow by request id, and a module the operators' commands can load with tsx.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { logError, logLine, logWarn } from "@/lib/log";

const now = new Date("2026-03-01T08:30:00.000Z");

describe("log lines", () => {
  it("write time, level, event and request id first, then the fields", () => {
    const line = logLine("info", "housing.roundMails.done", { requestId: "r-1", roundId: "x", sent: 3 }, now);
    expect(line).not.toContain("\n");
    expect(Object.keys(JSON.parse(line))).toEqual(["time", "level", "event", "requestId", "roundId", "sent"]);
    expect(JSON.parse(line)).toEqual({
      time: "2026-03-01T08:30:00.000Z",
      level: "info",
      event: "housing.roundMails.done",
      requestId: "r-1",
      roundId: "x",
      sent: 3,
    });
  });

  it("leave out a request id that is not known", () => {
    expect(JSON.parse(logLine("warn", "signin.refused", { reason: "credentials" }, now))).not.toHaveProperty(
      "requestId",
    );
  });

  it.each([
    [
      "an error, as an error: its message and stack",
      "error",
      new Error("boom"),
      { error: "boom", stack: expect.stringContaining("boom") },
    ],
    ["an error, as a warning: its message only", "warn", new Error("boom"), { error: "boom" }],
    ["anything else thrown: as text", "error", "plain string", { error: "plain string" }],
  ] as const)("write %s", (_label, level, error, expected) => {
    const fields = JSON.parse(logLine(level, "x", { error }, now));
    expect(fields).toMatchObject(expected);
    if (level === "warn") expect(fields).not.toHaveProperty("stack");
  });

  it("write bigints (Prisma counts) as text rather than throwing", () => {
    expect(JSON.parse(logLine("info", "x", { size: 12n }, now))).toMatchObject({ size: "12" });
  });

  it("go to stderr for errors and warnings", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    logError("a", { requestId: "r" });
    logWarn("b");
    expect(JSON.parse(error.mock.calls[0]![0] as string)).toMatchObject({ level: "error", event: "a", requestId: "r" });
    expect(JSON.parse(warn.mock.calls[0]![0] as string)).toMatchObject({ level: "warn", event: "b" });
    error.mockRestore();
    warn.mockRestore();
  });

  it("import nothing, so scripts run with tsx can use it (no server-only, no Next)", () => {
    const source = readFileSync(path.resolve(import.meta.dirname, "../../lib/log.ts"), "utf8");
    expect(source).not.toMatch(/^\s*import\s/m);
  });
});
