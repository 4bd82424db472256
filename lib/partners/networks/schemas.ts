import { z } from "zod";
import { requiredText } from "@/lib/form-fields";

/** R-PAR-2: the networks partners belong to, as data an administrator edits. */

/** Inner spaces collapsed, so that one network is stored one way (its name is unique). */
const ZNetworkName = requiredText(80).transform((name) => name.replace(/\s+/g, " "));

export const ZCreateNetwork = z.strictObject({ name: ZNetworkName });
export type TCreateNetwork = z.output<typeof ZCreateNetwork>;

export const ZRenameNetwork = z.strictObject({ id: z.uuid({ error: "required" }), name: ZNetworkName });
export type TRenameNetwork = z.output<typeof ZRenameNetwork>;

export const ZDeleteNetwork = z.strictObject({ id: z.uuid({ error: "required" }) });
export type TDeleteNetwork = z.output<typeof ZDeleteNetwork>;
