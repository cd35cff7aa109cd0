import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { icons } from "@/components/ui/icons";

type Section = "rules" | "inbox" | "reports" | "settings";

/** A section whose feature lands in a later release: a plain, honest empty state. */
export async function SectionPlaceholder({ section }: { section: Section }) {
  const t = await getTranslations();
  const Icon = icons[section];
  return (
    <>
      <PageHeader title={t(`placeholder.${section}.title`)} />
      <Card>
        <EmptyState icon={<Icon width={40} height={40} />} title={t(`placeholder.${section}.title`)} body={t(`placeholder.${section}.body`)} />
      </Card>
    </>
  );
}
