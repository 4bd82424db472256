/**
 * Prisma's schema engine as WebAssembly, driving PostgreSQL through the adapter of ./adapter.ts.
 * The Prisma CLI ships this exact build (node_modules/prisma/build/schema_engine_bg.wasm) but
 * only loads the native engine, which it cannot download here.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory, type ErrorRegistry } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import { createAdapterFactory } from "./adapter.ts";

export type { SchemaEngine };

declare global {
  // Read by the wasm glue when the engine panics, just before it throws "unreachable".
  var PRISMA_WASM_PANIC_REGISTRY: { set_message(message: string): void };
}

export interface EngineOptions {
  databaseUrl: string;
  /** Every file of the Prisma schema (a multi-file schema folder gives several). */
  schemaFiles: SchemaFile[];
}

export interface SchemaFile {
  path: string;
  content: string;
}

let lastPanic: string | undefined;
let engineClass: Promise<typeof glue.SchemaEngine> | undefined;

/**
 * Opens an engine on the database, runs `use`, and frees the engine, its connection pools and
 * any shadow database whatever happens, so that the process can exit.
 */
export async function withEngine<T>(options: EngineOptions, use: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const SchemaEngineClass = await loadEngineClass();
  const factory = createAdapterFactory(options.databaseUrl);
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  // The engine logs JSON traces (INFO: "Starting schema-engine-wasm", …); its errors come as exceptions.
  const ignoreLog = () => {};
  try {
    const engine = await SchemaEngineClass.new(
      { datamodels: options.schemaFiles.map((file) => [file.path, file.content]) },
      ignoreLog,
      bound,
    ).catch((error: unknown) => {
      throw explain(error, bound.errorRegistry);
    });
    try {
      return await use(explaining(engine, bound.errorRegistry));
    } finally {
      engine.free();
    }
  } finally {
    await factory.close();
  }
}

function loadEngineClass(): Promise<typeof glue.SchemaEngine> {
  // The glue keeps the instance in a module variable: one instance per process, shared by engines.
  engineClass ??= (async () => {
    globalThis.PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message) {
        lastPanic = message;
      },
    };
    const require = createRequire(import.meta.url);
    const prismaDir = path.dirname(require.resolve("prisma/package.json"));
    const bytes = await readFile(path.join(prismaDir, "build", "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": withUnrefTimers(glue) });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue.SchemaEngine;
  })();
  return engineClass;
}

/**
 * The engine arms a timer for each timeout it races (connecting, taking the advisory lock, …) and
 * never clears it: left as they are, they keep the process alive for up to a minute after the
 * engine is freed. Unref'd, they still fire while anything else is pending.
 */
function withUnrefTimers(imports: typeof glue): WebAssembly.ModuleImports {
  const patched: Record<string, unknown> = { ...imports };
  for (const name of Object.keys(patched).filter((key) => key.startsWith("__wbg_setTimeout_"))) {
    patched[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return patched as WebAssembly.ModuleImports;
}

/** An error the engine reported, with its message cut down to what a person can act on. */
export class EngineError extends Error {
  override name = "EngineError";
  constructor(
    message: string,
    /** Prisma's error code (P3009 …), when the engine gives one. */
    readonly code: string | undefined,
    /** The migration the engine was applying when it failed. */
    readonly migrationName: string | undefined,
    options: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The engine, with what its methods throw turned into readable errors (see explain). */
function explaining(engine: SchemaEngine, errorRegistry: ErrorRegistry): SchemaEngine {
  return new Proxy(engine, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        try {
          const result: unknown = value.apply(target, args);
          return result instanceof Promise
            ? result.catch((error: unknown) => Promise.reject(explain(error, errorRegistry)))
            : result;
        } catch (error) {
          throw explain(error, errorRegistry);
        }
      };
    },
  });
}

/** Turns what the engine throws into an Error with a message a person can act on. */
function explain(error: unknown, errorRegistry: ErrorRegistry): Error {
  if (error instanceof WebAssembly.RuntimeError && lastPanic !== undefined) {
    const panic = lastPanic;
    lastPanic = undefined;
    return new Error(`The schema engine panicked: ${panic}`, { cause: error });
  }
  if (!(error instanceof Error)) return new Error(String(error));
  // A JavaScript error thrown inside the adapter reaches us as a reference into the registry.
  const external = /External error id#(\d+)/.exec(error.message);
  const original = external ? errorRegistry.consumeError(Number(external[1]))?.error : undefined;
  if (original instanceof Error) return original;
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  const migrationName = /migration_name="([^"]+)"/.exec(error.message)?.[1];
  return new EngineError(oneLine(error.message), code, migrationName, { cause: error });
}

/** The engine's message without its Rust span trace ("   0: sql_schema_connector::…") and padding. */
function oneLine(message: string): string {
  const lines: string[] = [];
  for (const line of message.split("\n")) {
    if (/^\s+\d+: /.test(line)) break;
    if (line.trim() && line.trim() !== "external connector error") lines.push(line.trim());
  }
  return lines.join(" ");
}
