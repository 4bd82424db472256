import type { AppLocale } from "@/lib/i18n/routing";
import type { LegalPageName } from "@/lib/legal/rules";

/**
 * R-SEC-9: the text each legal page ships with, until an administrator saves their own. It
 * follows what a French public university publishes (the LCEN's legal notice, GDPR art. 13,
 * the RGAA statement) with Aix-Marseille University's public details; every point the
 * university must confirm is marked [to be completed].
 */
export const legalPageDefaults: Record<LegalPageName, Record<AppLocale, { title: string; body: string }>> = {
  notice: {
    fr: {
      title: "Mentions légales",
      body: `[À compléter par la DRI : ce texte est un modèle.]

## Éditeur
Aix-Marseille Université, établissement public à caractère scientifique, culturel et professionnel.
Jardin du Pharo, 58 boulevard Charles Livon, 13284 Marseille Cedex 07, France.
Téléphone : +33 (0)4 91 39 65 00.

## Directeur de la publication
Le président d'Aix-Marseille Université. [À compléter]

## Service responsable du portail
Direction des relations internationales (DRI). Contact : relations-internationales@example.org [à compléter]

## Hébergement
[À compléter : nom, adresse et téléphone de l'hébergeur.]

## Propriété intellectuelle
Le code du portail est un logiciel libre. Les textes et logos d'Aix-Marseille Université restent sa propriété.`,
    },
    en: {
      title: "Legal notice",
      body: `[To be completed by the DRI: this text is a template.]

## Publisher
Aix-Marseille University, a French public scientific, cultural and professional institution.
Jardin du Pharo, 58 boulevard Charles Livon, 13284 Marseille Cedex 07, France.
Phone: +33 (0)4 91 39 65 00.

## Publication director
The President of Aix-Marseille University. [To be completed]

## Office in charge of the portal
International Relations Office (DRI). Contact: relations-internationales@example.org [to be completed]

## Hosting
[To be completed: name, address and phone number of the host.]

## Intellectual property
The portal's code is free software. Aix-Marseille University's texts and logos remain its property.`,
    },
  },
  privacy: {
    fr: {
      title: "Politique de confidentialité",
      body: `[À compléter par la DRI et le délégué à la protection des données : ce texte est un modèle.]

## Responsable du traitement
Aix-Marseille Université, représentée par son président, Jardin du Pharo, 58 boulevard Charles Livon, 13284 Marseille Cedex 07.

## Finalités
- Créer votre compte et vous identifier.
- Instruire votre candidature d'étudiant·e en échange, et vous informer des décisions.
- Traiter votre demande de logement en résidence universitaire et préparer votre arrivée (titre de séjour, accueil).

## Base légale
L'exécution d'une mission d'intérêt public dont est investie l'université (RGPD, art. 6.1.e) : l'accueil des étudiant·e·s en mobilité internationale.

## Destinataires
Les services de la DRI, les correspondant·e·s relations internationales de la composante choisie, et, pour le logement, le CROUS. [À compléter]

## Durée de conservation
Un brouillon non soumis est supprimé à la fin de sa période de conservation ; un dossier est conservé le temps de la mobilité puis archivé selon les règles des archives publiques. [À compléter : durées exactes]

## Vos droits
Vous pouvez accéder à vos données (téléchargement depuis votre dossier), les faire rectifier ou effacer, vous opposer à leur traitement ou en demander la limitation. Vous pouvez introduire une réclamation auprès de la CNIL (www.cnil.fr).

## Délégué à la protection des données
dpo@example.org [à compléter : adresse du DPO d'Aix-Marseille Université]`,
    },
    en: {
      title: "Privacy policy",
      body: `[To be completed by the DRI and the data protection officer: this text is a template.]

## Controller
Aix-Marseille University, represented by its President, Jardin du Pharo, 58 boulevard Charles Livon, 13284 Marseille Cedex 07, France.

## Purposes
- Creating your account and identifying you.
- Processing your application as an exchange student and informing you of the decisions.
- Handling your request for a room in a university residence and preparing your arrival (residence permit, welcome).

## Legal basis
A task carried out in the public interest by the university (GDPR art. 6(1)(e)): welcoming internationally mobile students.

## Recipients
The International Relations Office (DRI), the International Relations correspondents of the faculty you choose and, for housing, the CROUS. [To be completed]

## Retention
A draft never submitted is deleted at the end of its retention period; a dossier is kept for the mobility and then archived under the rules of French public archives. [To be completed: exact periods]

## Your rights
You may access your data (download from your dossier), have it corrected or erased, object to its processing or ask for it to be restricted. You may lodge a complaint with the CNIL, the French data protection authority (www.cnil.fr).

## Data protection officer
dpo@example.org [to be completed: address of Aix-Marseille University's DPO]`,
    },
  },
  accessibility: {
    fr: {
      title: "Déclaration d'accessibilité",
      body: `[À compléter par la DRI après un audit : ce texte est un modèle.]

Aix-Marseille Université s'engage à rendre ce portail accessible conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005.

## État de conformité
Ce portail est en conformité partielle avec le référentiel général d'amélioration de l'accessibilité (RGAA 4.1). Chaque page est vérifiée automatiquement (axe, WCAG 2.1 A et AA) en français et en anglais ; aucun audit complet n'a encore été réalisé. [À compléter : date et résultat de l'audit]

## Contenus non accessibles
- Les documents que les étudiant·e·s téléversent (PDF, images) ne sont pas vérifiés.
- [À compléter : non-conformités relevées par l'audit]

## Retour d'information et contact
Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à relations-internationales@example.org [à compléter] : nous vous proposerons une autre façon d'y accéder.

## Voies de recours
Si vous nous avez signalé un défaut d'accessibilité sans obtenir de réponse satisfaisante, vous pouvez écrire au Défenseur des droits (formulaire en ligne sur www.defenseurdesdroits.fr), contacter son délégué dans votre région, ou écrire par courrier (gratuit, sans timbre) à : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.`,
    },
    en: {
      title: "Accessibility statement",
      body: `[To be completed by the DRI after an audit: this text is a template.]

Aix-Marseille University is committed to making this portal accessible, in accordance with article 47 of French law no. 2005-102 of 11 February 2005.

## Conformity status
This portal is partially compliant with the French accessibility framework (RGAA 4.1). Every page is checked automatically (axe, WCAG 2.1 A and AA) in French and in English; no full audit has been carried out yet. [To be completed: date and result of the audit]

## Content that is not accessible
- Documents uploaded by students (PDF files, images) are not checked.
- [To be completed: non-conformities found by the audit]

## Feedback and contact
If you cannot use some content or service, write to relations-internationales@example.org [to be completed]: we will offer you another way to reach it.

## Recourse
If you reported an accessibility problem and did not receive a satisfactory answer, you may write to the Défenseur des droits (online form at www.defenseurdesdroits.fr), contact its delegate in your region, or write (free of charge, no stamp) to: Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07, France.`,
    },
  },
};
