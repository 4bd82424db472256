import { authorisedFileResponse } from "@/lib/documents/download";
import { openLetterForViewer } from "@/lib/letters/queries";
import { routeFor } from "@/lib/routes/route-for";

export const dynamic = "force-dynamic";

/**
 * GET /api/letters/[id]: an issued letter's PDF, byte for byte as stored (its SHA-256 is the
 * one its verification page shows), to the dossier's student and its reviewers; 404 otherwise.
 */
export const GET = routeFor("GET /api/letters/[id]", async (_request, { viewer, params }) =>
  authorisedFileResponse(await openLetterForViewer(viewer, params.id)),
);
