import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

/** s3rver's one account: it accepts these keys and does not check signatures (libraries.md). */
export const s3rverCredentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface RunningS3Server {
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

/**
 * A real S3-compatible server on loopback, with one empty private bucket, its objects in a
 * folder of its own (removed on stop). The port comes from the caller (tests: S3_TEST_PORT).
 */
export async function startS3Server(port: number, bucket = "portal-documents"): Promise<RunningS3Server> {
  const directory = await mkdtemp(path.join(tmpdir(), "portal-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
