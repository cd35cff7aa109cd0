"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { icons } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";
import type { NavKey } from "@/lib/auth/permissions";

export type NavLink = { key: NavKey; href: string; label: string };

export function NavLinks({ items, onNavigate }: { items: NavLink[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-1">
      {items.map((item) => {
        const active = pathname === item.href || pathname.startsWith(item.href + "/");
        const Icon = icons[item.key];
        return (
          <li key={item.key}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              data-testid={`nav-${item.key}`}
              className={cn(
                "flex min-h-10 items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors",
                active
                  ? "bg-brand-50 text-brand-700"
                  : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              <Icon className={active ? "text-brand-600" : "text-slate-400"} />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
