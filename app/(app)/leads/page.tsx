import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LeadFilters } from "@/components/leads/lead-filters";
import { LeadsTable } from "@/components/leads/leads-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { icons } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { listLeads, listLeadsSchema } from "@/lib/domain/leads/list-leads";
import { listOwners } from "@/lib/domain/users/list-owners";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("leads") };
}

type Search = Record<string, string | string[] | undefined>;

/** Parses the filters; fields that do not parse are dropped (and reported), the rest still apply. */
function parseFilters(search: Search) {
  const raw: Record<string, string> = {};
  for (const [k, v] of Object.entries(search)) if (typeof v === "string") raw[k] = v;
  const first = listLeadsSchema.safeParse(raw);
  if (first.success) return { query: first.data, invalid: [] as string[] };
  const invalid = [...new Set(first.error.issues.map((i) => String(i.path[0])))];
  for (const key of invalid) delete raw[key];
  return { query: listLeadsSchema.parse(raw), invalid };
}

export default async function LeadsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePagePermission("leads:read");
  const t = await getTranslations("leads");
  const { erased, ...search } = await searchParams;
  const { query, invalid } = parseFilters(search);
  const seesAll = can(actor.role, "leads:read-all");
  const db = await getDb();
  const [result, owners] = await Promise.all([
    listLeads({ db, actor, query }),
    seesAll ? listOwners(db) : Promise.resolve([]),
  ]);
  const from = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1;
  const to = from === 0 ? 0 : from + result.rows.length - 1;
  const filtered = Boolean(query.q || query.stage || query.owner);
  const exportParams = new URLSearchParams();
  for (const key of ["q", "stage", "owner"] as const) {
    const value = query[key];
    if (value) exportParams.set(key, value);
  }
  const exportHref = `/api/v1/exports/leads${exportParams.size ? `?${exportParams}` : ""}`;
  return (
    <>
      <PageHeader title={t("title")} subtitle={seesAll ? t("subtitle") : t("subtitleRep")} />
      <Card className="p-4 sm:p-5">
        <LeadFilters
          values={{ q: query.q, stage: query.stage, owner: query.owner, sort: query.sort }}
          owners={owners}
          showOwner={seesAll}
        />
      </Card>
      {erased === "1" && (
        <p
          role="status"
          data-testid="lead-erased"
          className="mt-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200"
        >
          {t("erased")}
        </p>
      )}
      {invalid.length > 0 && (
        <p
          role="status"
          className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t("invalidFilters", { fields: invalid.join(", ") })}
        </p>
      )}
      <Card className="mt-4 overflow-hidden">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-4 py-3 text-sm text-slate-600">
          <span data-testid="leads-count">
            {result.totalIsExact
              ? t("count", { total: result.total })
              : t("countAtLeast", { total: result.total })}
          </span>
          <div className="flex flex-wrap items-center gap-3">
            {result.total > 0 && (
              <span>
                {result.totalIsExact
                  ? t("showing", { from, to, total: result.total })
                  : t("showingAtLeast", { from, to, total: result.total })}
              </span>
            )}
            {result.total > 0 && (
              <a
                href={exportHref}
                download
                className={buttonClass("secondary", "min-h-9 px-3")}
                data-testid="export-leads"
                title={filtered ? t("exportFilteredHint") : t("exportAllHint")}
              >
                <icons.download width={16} height={16} aria-hidden />
                {result.totalIsExact
                  ? t("export", { total: result.total })
                  : t("exportAtLeast", { total: result.total })}
              </a>
            )}
          </div>
        </div>
        {result.rows.length === 0 ? (
          filtered || seesAll ? (
            <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
          ) : (
            <EmptyState title={t("emptyRepTitle")} body={t("emptyRepBody")} />
          )
        ) : (
          <LeadsTable rows={result.rows} />
        )}
      </Card>
      {result.pageCount > 1 && (
        <div className="mt-4">
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            basePath="/leads"
            params={{
              q: query.q,
              stage: query.stage,
              owner: query.owner,
              sort: query.sort === "recent" ? undefined : query.sort,
            }}
          />
        </div>
      )}
    </>
  );
}
