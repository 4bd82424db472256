import { getTranslations } from "next-intl/server";
import { ConfirmEnrolmentForm } from "@/components/second-factor/confirm-enrolment-form";
import { StartEnrolmentForm } from "@/components/second-factor/start-enrolment-form";

/**
 * Enrolment as the page shows it: a button to start, then the QR code and the secret in text
 * (for those who cannot scan), then the first code. The QR code is an SVG made on the server by
 * the `qrcode` package from the otpauth URI; it is shown as an image with a text alternative.
 */
export async function EnrolmentSteps({ enrolment }: { enrolment: { secret: string; qrSvg: string } | null }) {
  const t = await getTranslations("secondFactor");
  if (!enrolment) return <StartEnrolmentForm />;
  const qrSource = `data:image/svg+xml;base64,${Buffer.from(enrolment.qrSvg).toString("base64")}`;
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="scan" className="flex flex-col gap-3">
        <h2 id="scan" className="text-xl font-semibold">
          {t("scanTitle")}
        </h2>
        <p>{t("scanIntro")}</p>
        {/* biome-ignore lint/performance/noImgElement: a data: URI made on the server, nothing to optimise */}
        <img src={qrSource} alt={t("qrAlt")} width={200} height={200} className="bg-white" />
        <p>
          {t("secretLabel")}:{" "}
          <code className="font-mono text-lg" data-testid="totp-secret">
            {enrolment.secret}
          </code>
        </p>
      </section>
      <section aria-labelledby="confirm" className="flex flex-col gap-3">
        <h2 id="confirm" className="text-xl font-semibold">
          {t("confirmTitle")}
        </h2>
        <ConfirmEnrolmentForm />
      </section>
    </div>
  );
}
