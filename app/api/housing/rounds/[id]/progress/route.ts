import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { roundReleaseProgress } from "@/lib/housing/release/queries";

type Context = { params: Promise<{ id: string }> };

export const dynamic = "force-dynamic";

// Polled every second by the release page: never stored by a cache.
const noStore = { "Cache-Control": "no-store" };

/**
 * GET /api/housing/rounds/[id]/progress: the counts of a round's decision e-mails (decided,
 * notified, sending, uncertain, failed, remaining, running) for the release page. Staff only:
 * 401 when signed out, 404 for anyone else and for an unknown round. Counts only, no personal data.
 */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  const viewer = await getViewer();
  if (!viewer) return Response.json({ ok: false }, { status: 401, headers: noStore });
  if ((viewer.role !== "CORRESPONDENT" && viewer.role !== "ADMIN") || !z.uuid().safeParse(id).success) {
    return Response.json({ ok: false }, { status: 404, headers: noStore });
  }
  try {
    return Response.json(await roundReleaseProgress(viewer, id), { headers: noStore });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ ok: false }, { status: 404, headers: noStore });
    throw error;
  }
}
