import "server-only";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandInput,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { type DocumentStorage, StoredObjectMissingError } from "@/lib/documents/storage";

/** Where the bucket is and who we are to it (lib/env.ts reads these from S3_*). */
export interface S3StorageConfig {
  bucket: string;
  region: string;
  /** Any S3-compatible endpoint (MinIO, Garage, Ceph, OVH, Scaleway…); unset: AWS. */
  endpoint?: string;
  /** Path-style URLs (http://host/bucket/key), which most self-hosted stores need. */
  forcePathStyle: boolean;
  /** Unset: the SDK's default chain (instance role, AWS_* variables, profile). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** How long a request may stay silent before it fails (30 s by default). */
  requestTimeoutMs?: number;
}

/** The S3 client for a config: short timeouts, so an unreachable store fails an upload quickly. */
export function createS3Client(config: S3StorageConfig): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // One retry: a store that is down should answer the user in seconds, not minutes.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 3_000, requestTimeout: config.requestTimeoutMs ?? 30_000 },
  });
}

/**
 * Objects in a private bucket, one per key (the service's random UUIDs). Nothing is ever
 * public: downloads go through the portal, which authorises them, then streams the object or
 * redirects to a presigned URL valid for seconds (lib/documents/download.ts).
 */
export function createS3Storage(config: S3StorageConfig, client: S3Client = createS3Client(config)): DocumentStorage {
  const Bucket = config.bucket;
  return {
    async put(key, body) {
      // PutObject needs the length up front; the bytes are bounded by UPLOAD_MAX_BYTES (the
      // service measures them on the way), so holding one file in memory is the simple way.
      // A single PUT is atomic: a failure leaves no partial object behind.
      const bytes = new Uint8Array(await new Response(body).arrayBuffer());
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: bytes,
          ContentLength: bytes.byteLength,
          ContentType: "application/octet-stream",
        }),
      );
    },

    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!object.Body) throw new StoredObjectMissingError(key);
        return object.Body.transformToWebStream() as ReadableStream<Uint8Array>;
      } catch (error) {
        if (
          error instanceof S3ServiceException &&
          (error.name === "NoSuchKey" || error.$metadata.httpStatusCode === 404)
        )
          throw new StoredObjectMissingError(key);
        throw error;
      }
    },

    async delete(key) {
      // S3 answers 204 for a key that does not exist: removing a missing object is not an error.
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },

    async signedDownloadUrl(key, { contentDisposition, contentType, expiresInSeconds }) {
      const input: GetObjectCommandInput = {
        Bucket,
        Key: key,
        // The store answers with the portal's headers, so the browser saves the file under its name.
        ResponseContentDisposition: contentDisposition,
        ResponseContentType: contentType,
        ResponseCacheControl: "private, no-store",
      };
      return getSignedUrl(client, new GetObjectCommand(input), { expiresIn: expiresInSeconds });
    },
  };
}
