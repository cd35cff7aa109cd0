"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** No draft and nothing live: the thresholds belong to a model, made in the rule editor. */
export function NoModel() {
  const t = useTranslations("thresholds");
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Card>
        <EmptyState
          title={t("empty.noModelTitle")}
          body={t("empty.noModelBody")}
          action={
            <Link href="/rules" className={buttonClass("primary")}>
              {t("empty.toRules")}
            </Link>
          }
        />
      </Card>
    </>
  );
}
