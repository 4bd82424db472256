import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { formatAcademicYear } from "@/lib/academic-year";
import { NotFoundError } from "@/lib/errors";
import { withHeaders } from "@/lib/exports/columns";
import { exportResponse, ZExportFormat } from "@/lib/exports/respond";
import { housingExportColumns } from "@/lib/housing/board/export";
import { listRoundRequestsForExport } from "@/lib/housing/board/queries";
import { ZBoardQuery } from "@/lib/housing/board/schemas";
import { routeFor } from "@/lib/routes/route-for";

export const dynamic = "force-dynamic";

const ZResidence = z.uuid().optional().catch(undefined);

/**
 * GET /api/housing/rounds/[id]/export?format=xlsx|csv&status=&city=&q=&residence=: a round's
 * housing requests and decisions, per residence, with the board's filters and the viewer's
 * scope (a correspondent: their components; an admin: all). Anyone else, or an unknown round: 404.
 */
export const GET = routeFor("GET /api/housing/rounds/[id]/export", async (request, { viewer, locale, params }) => {
  if (!z.uuid().safeParse(params.id).success) throw new NotFoundError();
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const query = { ...ZBoardQuery.parse(search), residence: ZResidence.parse(search.residence) };
  const data = await listRoundRequestsForExport(viewer, params.id, query);
  if (!data) throw new NotFoundError();
  const [t, tb, te, tr] = await Promise.all([
    getTranslations({ locale, namespace: "listExports" }),
    getTranslations({ locale, namespace: "housingBoard" }),
    getTranslations({ locale, namespace: "enums" }),
    getTranslations({ locale, namespace: "review" }),
  ]);
  const columns = housingExportColumns({
    locale,
    round: tb("round", {
      year: formatAcademicYear(data.round.academicYear),
      semester: te(`period.${data.round.semester}`),
    }),
    status: (status) => tb(`status.${status}`),
    city: (city) => te(`housingCity.${city}`),
    anonymised: (reference) => tr("anonymisedStudent", { reference }),
  });
  return exportResponse({
    format: ZExportFormat.parse(search.format),
    locale,
    filename: `housing-${data.round.academicYear}-${data.round.semester}`,
    sheetName: t("sheet.housing"),
    columns: withHeaders("housing", columns, (key) => t(key as never)),
    batches: [data.rows],
  });
});
