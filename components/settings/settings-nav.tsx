"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/field";
import { settingsHref, type SettingsSection } from "@/lib/auth/settings-sections";

/** The sections of Settings: a list beside the page on wide screens, a menu above it on phones. */
export function SettingsNav({ sections }: { sections: SettingsSection[] }) {
  const t = useTranslations("settings");
  const pathname = usePathname();
  const router = useRouter();
  const current = sections.find((key) => pathname.startsWith(settingsHref(key)));
  return (
    <nav aria-label={t("sectionsNav")} className="mb-6 lg:mb-0">
      <div className="lg:hidden">
        <label htmlFor="settings-section" className="mb-1 block text-sm font-medium text-slate-700">
          {t("section")}
        </label>
        <Select
          id="settings-section"
          value={current ?? ""}
          onChange={(e) => router.push(settingsHref(e.target.value as SettingsSection))}
          data-testid="settings-section-select"
        >
          {sections.map((key) => (
            <option key={key} value={key}>
              {t(`sections.${key}`)}
            </option>
          ))}
        </Select>
      </div>
      <ul className="hidden space-y-1 lg:sticky lg:top-6 lg:block">
        {sections.map((key) => {
          const active = key === current;
          return (
            <li key={key}>
              <Link
                href={settingsHref(key)}
                aria-current={active ? "page" : undefined}
                data-testid={`settings-nav-${key}`}
                className={cn(
                  "flex min-h-9 items-center rounded-md px-3 py-1.5 text-sm font-medium",
                  active
                    ? "bg-brand-50 text-brand-700"
                    : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                {t(`sections.${key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
