import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { roundReleaseProgress } from "@/lib/housing/release/queries";
import { routeFor } from "@/lib/routes/route-for";

export const dynamic = "force-dynamic";

/**
 * GET /api/housing/rounds/[id]/progress: the counts of a round's decision e-mails (decided,
 * notified, sending, uncertain, failed, remaining, running) for the release page. Staff only:
 * 401 when signed out, 404 for anyone else and for an unknown round. Counts only, no personal data.
 */
export const GET = routeFor("GET /api/housing/rounds/[id]/progress", async (_request, { viewer, params }) => {
  if (!z.uuid().safeParse(params.id).success) throw new NotFoundError();
  // Polled every second by the release page: never stored by a cache.
  return Response.json(await roundReleaseProgress(viewer, params.id), { headers: { "Cache-Control": "no-store" } });
});
