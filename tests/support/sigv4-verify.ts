import { createHash, createHmac } from "node:crypto";

/**
 * An independent check of an AWS Signature V4 presigned URL (query-string form, unsigned
 * payload), written from AWS's specification rather than with the SDK that signed it: s3rver
 * does not verify signatures, so the tests verify them here. Returns why the URL would be
 * refused, or "ok".
 */
export function verifyPresignedUrl(
  url: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  now: Date,
): "ok" | "expired" | "badSignature" | "wrongKey" {
  const parsed = new URL(url);
  const query = parsed.searchParams;
  const [accessKeyId, day, region, service] = (query.get("X-Amz-Credential") ?? "").split("/");
  if (accessKeyId !== credentials.accessKeyId) return "wrongKey";
  const amzDate = query.get("X-Amz-Date") ?? "";
  const signedAt = Date.UTC(
    Number(amzDate.slice(0, 4)),
    Number(amzDate.slice(4, 6)) - 1,
    Number(amzDate.slice(6, 8)),
    Number(amzDate.slice(9, 11)),
    Number(amzDate.slice(11, 13)),
    Number(amzDate.slice(13, 15)),
  );
  const expires = Number(query.get("X-Amz-Expires"));

  const signedHeaders = query.get("X-Amz-SignedHeaders") ?? "";
  const canonicalQuery = [...query.entries()]
    .filter(([name]) => name !== "X-Amz-Signature")
    .map(([name, value]) => [encode(name), encode(value)])
    .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
  const headerValues: Record<string, string> = { host: parsed.host };
  const canonicalHeaders = signedHeaders
    .split(";")
    .map((name) => `${name}:${headerValues[name] ?? ""}\n`)
    .join("");
  const canonicalRequest = [
    "GET",
    parsed.pathname.split("/").map(encodePathSegment).join("/"),
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    "UNSIGNED-PAYLOAD",
  ].join("\n");
  const scope = `${day}/${region}/${service}/aws4_request`;
  const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  let key: Buffer = hmac(`AWS4${credentials.secretAccessKey}`, day!);
  for (const part of [region!, service!, "aws4_request"]) key = hmac(key, part);
  const expected = createHmac("sha256", key).update(toSign).digest("hex");
  if (expected !== query.get("X-Amz-Signature")) return "badSignature";
  if (now.getTime() > signedAt + expires * 1000) return "expired";
  return "ok";
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}

function sha256Hex(data: string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** RFC 3986 unreserved characters stay, everything else is %XX (AWS's UriEncode). */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function encodePathSegment(segment: string): string {
  return encode(decodeURIComponent(segment));
}
