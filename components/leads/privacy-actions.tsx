"use client";

/**
 * The admin's GDPR actions on a lead page: download everything held on the lead (JSON), and
 * erase it after a confirmation in the app's own dialog that says what goes and what stays.
 */
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button, buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { useConfirm } from "@/components/ui/use-confirm";
import { eraseLead, leadExportHref } from "@/lib/client/queries/privacy";
import { useApiErrorText } from "@/lib/client/use-api-error";

export function PrivacyActions({ leadId, name }: { leadId: string; name: string }) {
  const t = useTranslations("lead.privacy");
  const router = useRouter();
  const errorText = useApiErrorText();
  const [confirm, dialog] = useConfirm();
  const erase = useMutation({
    mutationFn: () => eraseLead(leadId),
    onSuccess: () => {
      router.push("/leads?erased=1");
      router.refresh();
    },
  });
  const askToErase = async () => {
    const yes = await confirm({
      title: t("confirmTitle", { name }),
      body: (
        <div className="space-y-2">
          <p>{t("confirmGone")}</p>
          <p>{t("confirmKept")}</p>
          <p className="font-medium text-slate-900">{t("confirmFinal")}</p>
        </div>
      ),
      action: t("confirmAction"),
      danger: true,
    });
    if (yes) erase.mutate();
  };
  return (
    <Card aria-labelledby="privacy-heading">
      <CardHeader id="privacy-heading" title={t("title")} />
      <div className="space-y-3 px-4 py-4 sm:px-5">
        <p className="text-sm text-slate-600">{t("intro")}</p>
        <div className="flex flex-wrap gap-2">
          <a href={leadExportHref(leadId)} download className={buttonClass("secondary")}>
            {t("export")}
          </a>
          <Button
            variant="danger"
            onClick={askToErase}
            disabled={erase.isPending}
            data-testid="erase-lead"
          >
            {erase.isPending ? t("erasing") : t("erase")}
          </Button>
        </div>
        {erase.isError && (
          <p role="alert" className="text-sm text-rose-700">
            {errorText(erase.error)}
          </p>
        )}
      </div>
      {dialog}
    </Card>
  );
}
