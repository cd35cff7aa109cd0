"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import { icons } from "@/components/ui/icons";
import { NavLinks, type NavLink } from "./nav-links";

/** The navigation drawer below the `md` breakpoint. */
export function MobileNav({ items, footer }: { items: NavLink[]; footer: ReactNode }) {
  const t = useTranslations("common");
  const nav = useTranslations("nav");
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className="md:hidden">
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls="mobile-nav"
        className="inline-flex min-h-10 min-w-10 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100"
      >
        {open ? <icons.close /> : <icons.menu />}
        <span className="sr-only">{open ? t("closeMenu") : t("openMenu")}</span>
      </button>
      {open && (
        <div
          id="mobile-nav"
          className="absolute inset-x-0 top-14 z-30 border-b border-slate-200 bg-white px-3 pt-2 pb-4 shadow-lg"
        >
          <nav aria-label={nav("main")}>
            <NavLinks items={items} onNavigate={() => setOpen(false)} />
          </nav>
          <div className="mt-3 border-t border-slate-100 pt-3">{footer}</div>
        </div>
      )}
    </div>
  );
}
