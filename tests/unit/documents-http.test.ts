import { describe, expect, it } from "vitest";
import { readFormWithLimit } from "@/lib/documents/http";

function multipart(fileBytes: number): Request {
  const form = new FormData();
  form.append("kind", "CV");
  form.append("file", new File([new Uint8Array(fileBytes).fill(0x41)], "cv.pdf", { type: "application/pdf" }));
  return new Request("http://localhost:3000/api/documents", { method: "POST", body: form });
}

describe("multipart body read with a ceiling", () => {
  it("reads a body under the limit", async () => {
    const request = multipart(1000);
    const read = await readFormWithLimit(request, 64 * 1024);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.form.get("kind")).toBe("CV");
    const file = read.form.get("file") as File;
    expect(file.name).toBe("cv.pdf");
    expect(file.size).toBe(1000);
  });

  it("refuses a body over the limit while reading it (no or a lying Content-Length)", async () => {
    const request = multipart(100_000);
    expect(request.headers.get("content-length")).toBeNull(); // so the limit is met while reading
    expect(await readFormWithLimit(request, 64 * 1024)).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const request = new Request("http://localhost:3000/api/documents", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(10 * 1024 * 1024) },
      body: "--x--",
    });
    expect(await readFormWithLimit(request, 64 * 1024)).toEqual({ ok: false, reason: "tooLarge" });
  });

  it.each([
    ["not multipart", { "content-type": "application/json" }, "{}"],
    ["a broken multipart body", { "content-type": "multipart/form-data; boundary=x" }, "garbage"],
  ])("refuses %s as malformed", async (_name, headers, body) => {
    const request = new Request("http://localhost:3000/api/documents", { method: "POST", headers, body });
    expect(await readFormWithLimit(request, 64 * 1024)).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("a client that goes away mid-body", () => {
  it("is answered as malformed, not thrown", async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          new TextEncoder().encode('--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nCV\r\n'),
        );
        controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const request = new Request("http://localhost:3000/api/documents", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(await readFormWithLimit(request, 64 * 1024)).toEqual({ ok: false, reason: "malformed" });
  });
});
