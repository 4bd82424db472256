import type { ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";

/** The frame of the sign-in and registration pages: title, intro, form, and the other way in. */
export function AuthPanel(props: {
  title: string;
  intro: string;
  children: ReactNode;
  otherPrompt: string;
  otherLabel: string;
  otherHref: "/login" | "/register";
  /** Shown under the form, e.g. the way to a forgotten password. */
  footer?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{props.title}</h1>
      <p>{props.intro}</p>
      {props.children}
      {props.footer}
      <p>
        {props.otherPrompt && `${props.otherPrompt} `}
        <Link href={props.otherHref} className="font-medium text-brand underline">
          {props.otherLabel}
        </Link>
      </p>
    </div>
  );
}
