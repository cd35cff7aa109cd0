"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The one-time link, shown once, with a copy button: the admin hands it to the person. */
export function InvitationLink({
  name,
  path,
  expiresAt,
}: {
  name: string;
  path: string;
  expiresAt: string;
}) {
  const t = useTranslations("users.link");
  const format = useFormatter();
  const [copied, setCopied] = useState(false);
  // Shown only after the admin's click (never rendered on the server): the address the admin is
  // using is the one the person will reach.
  const url = (typeof window === "undefined" ? "" : window.location.origin) + path;
  return (
    <div
      role="status"
      className="rounded-lg bg-emerald-50 p-4 ring-1 ring-emerald-200"
      data-testid="invitation-link"
    >
      <p className="text-sm font-medium text-emerald-900">{t("title", { name })}</p>
      <p className="mt-1 text-xs text-emerald-800">
        {t("body", {
          expires: format.dateTime(new Date(expiresAt), {
            dateStyle: "medium",
            timeStyle: "short",
          }),
        })}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code
          className="max-w-full overflow-x-auto rounded bg-white px-2 py-1 text-xs break-all text-slate-900 ring-1 ring-emerald-200"
          data-testid="invitation-url"
        >
          {url}
        </code>
        <Button
          variant="secondary"
          className="min-h-8 px-3 py-1 text-xs"
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => {});
            setCopied(true);
          }}
        >
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
    </div>
  );
}
