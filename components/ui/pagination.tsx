import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "./cn";

/** Previous / next links that keep the current filters. */
export async function Pagination({
  page,
  pageCount,
  params,
  basePath,
}: {
  page: number;
  pageCount: number;
  params: Record<string, string | undefined>;
  basePath: string;
}) {
  const t = await getTranslations("common");
  const href = (p: number) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
    if (p > 1) search.set("page", String(p));
    else search.delete("page");
    const qs = search.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const link =
    "inline-flex min-h-10 items-center rounded-md px-3 text-sm font-medium ring-1 ring-inset ring-slate-300";
  return (
    <nav aria-label={t("pagination")} className="flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link
          href={href(page - 1)}
          rel="prev"
          className={cn(link, "bg-white text-slate-800 hover:bg-slate-50")}
          data-testid="page-prev"
        >
          {t("previous")}
        </Link>
      ) : (
        <span aria-disabled className={cn(link, "text-slate-500")}>
          {t("previous")}
        </span>
      )}
      <span className="text-sm text-slate-600" data-testid="page-indicator">
        {t("pageOf", { page, pageCount })}
      </span>
      {page < pageCount ? (
        <Link
          href={href(page + 1)}
          rel="next"
          className={cn(link, "bg-white text-slate-800 hover:bg-slate-50")}
          data-testid="page-next"
        >
          {t("next")}
        </Link>
      ) : (
        <span aria-disabled className={cn(link, "text-slate-500")}>
          {t("next")}
        </span>
      )}
    </nav>
  );
}
