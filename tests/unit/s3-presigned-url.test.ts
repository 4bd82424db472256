/**
 * The presigned download URLs of the S3 storage: signed with the bucket's key, for this object
 * and these response headers only, and valid for the configured seconds. Checked by an
 * independent SigV4 verifier (tests/support/sigv4-verify.ts), since s3rver checks nothing.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createS3Storage } from "@/lib/documents/s3-storage";
import { verifyPresignedUrl } from "../support/sigv4-verify";

const credentials = { accessKeyId: "PORTALTESTKEY", secretAccessKey: "portal-test-secret-0123456789" };
const storage = createS3Storage({
  bucket: "portal-documents",
  region: "eu-west-3",
  endpoint: "http://127.0.0.1:4481",
  forcePathStyle: true,
  credentials,
});
const key = "2b0f0e4e-4a7e-4f59-9a55-0c8b1b3f1d10";
const signedAt = new Date("2026-11-29T15:30:00Z");
const options = {
  contentDisposition: "attachment; filename=\"passport.pdf\"; filename*=UTF-8''passeport%20%C3%A9t%C3%A9.pdf",
  contentType: "application/pdf",
  expiresInSeconds: 60,
};

async function signedUrl(expiresInSeconds = 60) {
  vi.useFakeTimers({ now: signedAt, toFake: ["Date"] });
  try {
    return new URL(await storage.signedDownloadUrl!(key, { ...options, expiresInSeconds }));
  } finally {
    vi.useRealTimers();
  }
}

afterEach(() => vi.useRealTimers());

describe("presigned download URLs", () => {
  it("names the object in the private bucket, with the portal's response headers", async () => {
    const url = await signedUrl();
    expect(url.origin).toBe("http://127.0.0.1:4481");
    expect(url.pathname).toBe(`/portal-documents/${key}`);
    expect(url.searchParams.get("response-content-disposition")).toBe(options.contentDisposition);
    expect(url.searchParams.get("response-content-type")).toBe("application/pdf");
    expect(url.searchParams.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
    expect(url.searchParams.get("X-Amz-Credential")).toBe("PORTALTESTKEY/20261129/eu-west-3/s3/aws4_request");
    expect(url.searchParams.get("X-Amz-Date")).toBe("20261129T153000Z");
  });

  it("carries a valid signature, accepted until the expiry and refused one second after", async () => {
    const url = (await signedUrl(60)).toString();
    expect(url).toContain("X-Amz-Expires=60");
    expect(verifyPresignedUrl(url, credentials, new Date(signedAt.getTime() + 59_000))).toBe("ok");
    expect(verifyPresignedUrl(url, credentials, new Date(signedAt.getTime() + 60_000))).toBe("ok");
    expect(verifyPresignedUrl(url, credentials, new Date(signedAt.getTime() + 61_000))).toBe("expired");
  });

  it("takes the configured lifetime", async () => {
    const url = (await signedUrl(300)).toString();
    expect(url).toContain("X-Amz-Expires=300");
    expect(verifyPresignedUrl(url, credentials, new Date(signedAt.getTime() + 299_000))).toBe("ok");
    expect(verifyPresignedUrl(url, credentials, new Date(signedAt.getTime() + 301_000))).toBe("expired");
  });

  it.each([
    [
      "another object",
      (url: URL) => (url.pathname = url.pathname.replace(key, "00000000-0000-4000-8000-000000000000")),
    ],
    ["a longer lifetime", (url: URL) => url.searchParams.set("X-Amz-Expires", "604800")],
    ["another file name", (url: URL) => url.searchParams.set("response-content-disposition", "inline")],
    ["another content type", (url: URL) => url.searchParams.set("response-content-type", "text/html")],
    ["another host", (url: URL) => (url.host = "127.0.0.1:4482")],
  ])("is refused once changed to ask for %s", async (_what, tamper) => {
    const url = await signedUrl();
    tamper(url);
    expect(verifyPresignedUrl(url.toString(), credentials, signedAt)).toBe("badSignature");
  });

  it("is refused when checked with another secret (signed with the bucket's key, not a constant)", async () => {
    const url = (await signedUrl()).toString();
    expect(verifyPresignedUrl(url, { ...credentials, secretAccessKey: "another-secret" }, signedAt)).toBe(
      "badSignature",
    );
  });
});
