import type { Options } from "@node-rs/argon2";

/**
 * OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. Shared by the app and the demo seed.
 * `algorithm: 2` is Algorithm.Argon2id, a const enum that isolated modules cannot import.
 */
export const argon2Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } satisfies Options;
