/**
 * The joint-master allocation from the command line, outside the portal (issue 18): reads a
 * JSON file { consortium, students, overrides } (lib/joint-master/schemas.ts ZAllocationInput;
 * lib/joint-master/europhotonics.ts is a consortium to start from), writes the result as JSON:
 * each student's path, wish obtained and why not a better one, or the contradiction.
 *
 *   npx tsx scripts/joint-master-allocate.ts cohort.json > result.json
 *
 * Exit code 0 when allocated, 2 when the rules cannot all hold, 1 on an invalid file.
 */
import { readFileSync } from "node:fs";
import { allocateCohort } from "@/lib/joint-master/allocate";
import { ZAllocationInput } from "@/lib/joint-master/schemas";

const file = process.argv[2];
if (!file) {
  console.error("usage: npx tsx scripts/joint-master-allocate.ts <cohort.json>");
  process.exit(1);
}
const parsed = ZAllocationInput.safeParse(JSON.parse(readFileSync(file, "utf8")));
if (!parsed.success) {
  console.error(JSON.stringify(parsed.error.issues, null, 2));
  process.exit(1);
}
const result = await allocateCohort(parsed.data);
console.log(JSON.stringify(result, null, 2));
process.exit(result.status === "allocated" ? 0 : 2);
