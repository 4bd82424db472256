import { defineConfig } from "prisma/config";

// Only `prisma generate` is used from the CLI (it needs no engine download); migrations go
// through prisma/migrate/ instead, which drives the WebAssembly schema engine.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
});
