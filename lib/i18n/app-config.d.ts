/**
 * next-intl checks every message key against the English catalogue, so a missing or misspelt
 * key fails the type check. The catalogue is one file per namespace (lib/i18n/messages.ts reads
 * them at run time); each is listed here, and tests/unit/messages.test.ts fails on a namespace
 * file missing from this list.
 */
import type { AppLocale } from "@/lib/i18n/routing";
import type account from "@/messages/en/account.json";
import type accountSessions from "@/messages/en/accountSessions.json";
import type admin from "@/messages/en/admin.json";
import type ami from "@/messages/en/ami.json";
import type apply from "@/messages/en/apply.json";
import type arrival from "@/messages/en/arrival.json";
import type arrivals from "@/messages/en/arrivals.json";
import type auditActions from "@/messages/en/auditActions.json";
import type auth from "@/messages/en/auth.json";
import type bulk from "@/messages/en/bulk.json";
import type calls from "@/messages/en/calls.json";
import type catalogue from "@/messages/en/catalogue.json";
import type conversation from "@/messages/en/conversation.json";
import type documents from "@/messages/en/documents.json";
import type dossier from "@/messages/en/dossier.json";
import type enums from "@/messages/en/enums.json";
import type errors from "@/messages/en/errors.json";
import type home from "@/messages/en/home.json";
import type housing from "@/messages/en/housing.json";
import type housingBoard from "@/messages/en/housingBoard.json";
import type housingRelease from "@/messages/en/housingRelease.json";
import type iias from "@/messages/en/iias.json";
import type integration from "@/messages/en/integration.json";
import type jointMaster from "@/messages/en/jointMaster.json";
import type layout from "@/messages/en/layout.json";
import type legal from "@/messages/en/legal.json";
import type letters from "@/messages/en/letters.json";
import type listExports from "@/messages/en/listExports.json";
import type mail from "@/messages/en/mail.json";
import type massMail from "@/messages/en/massMail.json";
import type meta from "@/messages/en/meta.json";
import type nominations from "@/messages/en/nominations.json";
import type notFound from "@/messages/en/notFound.json";
import type programmes from "@/messages/en/programmes.json";
import type residences from "@/messages/en/residences.json";
import type review from "@/messages/en/review.json";
import type secondFactor from "@/messages/en/secondFactor.json";
import type sso from "@/messages/en/sso.json";
import type statistics from "@/messages/en/statistics.json";
import type welcomeDesk from "@/messages/en/welcomeDesk.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: AppLocale;
    Messages: {
      account: typeof account;
      accountSessions: typeof accountSessions;
      admin: typeof admin;
      ami: typeof ami;
      apply: typeof apply;
      arrival: typeof arrival;
      arrivals: typeof arrivals;
      auditActions: typeof auditActions;
      auth: typeof auth;
      bulk: typeof bulk;
      calls: typeof calls;
      catalogue: typeof catalogue;
      conversation: typeof conversation;
      documents: typeof documents;
      dossier: typeof dossier;
      enums: typeof enums;
      errors: typeof errors;
      listExports: typeof listExports;
      home: typeof home;
      housing: typeof housing;
      housingBoard: typeof housingBoard;
      housingRelease: typeof housingRelease;
      integration: typeof integration;
      jointMaster: typeof jointMaster;
      iias: typeof iias;
      layout: typeof layout;
      legal: typeof legal;
      letters: typeof letters;
      mail: typeof mail;
      massMail: typeof massMail;
      meta: typeof meta;
      nominations: typeof nominations;
      notFound: typeof notFound;
      programmes: typeof programmes;
      residences: typeof residences;
      review: typeof review;
      statistics: typeof statistics;
      secondFactor: typeof secondFactor;
      sso: typeof sso;
      welcomeDesk: typeof welcomeDesk;
    };
  }
}
