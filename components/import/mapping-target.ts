/** A column's target as the value of one <select> option, and back. */
import type { ColumnTarget, ImportMapping } from "@/lib/client/queries/imports";
import { IMPORT_FIELDS, TRAIT_TYPES, type ImportField, type TraitType } from "@/lib/shared/imports";

export function targetValue(target: ColumnTarget | undefined): string {
  if (!target || target.to === "ignore") return "ignore";
  return target.to === "field" ? `field:${target.field}` : `trait:${target.type}`;
}

export function targetFrom(value: string, previous?: ColumnTarget): ColumnTarget {
  const [to, rest] = value.split(":");
  if (to === "field" && (IMPORT_FIELDS as readonly string[]).includes(rest))
    return { to: "field", field: rest as ImportField };
  if (to === "trait" && (TRAIT_TYPES as readonly string[]).includes(rest))
    return {
      to: "trait",
      type: rest as TraitType,
      ...(previous?.to === "trait" && previous.key ? { key: previous.key } : {}),
      ...(previous?.to === "trait" && previous.label ? { label: previous.label } : {}),
    };
  return { to: "ignore" };
}

/** The target of each column, by position (columns a mapping leaves out are ignored). */
export function targetsOf(mapping: ImportMapping, width: number): ColumnTarget[] {
  const targets: ColumnTarget[] = Array.from({ length: width }, () => ({ to: "ignore" }));
  for (const c of mapping.columns) if (c.index < width) targets[c.index] = c.target;
  return targets;
}

/**
 * A saved mapping applied to this file: by header where the saved one has headers (columns may
 * have moved), else by position.
 */
export function applySaved(saved: ImportMapping, headers: string[]): ColumnTarget[] {
  const targets: ColumnTarget[] = headers.map(() => ({ to: "ignore" }));
  // Columns saved without a header by position first; those with one win where they land.
  for (const c of saved.columns)
    if (!c.header && c.index < headers.length) targets[c.index] = c.target;
  for (const c of saved.columns) {
    const index = c.header ? headers.indexOf(c.header) : -1;
    if (index >= 0) targets[index] = c.target;
  }
  return targets;
}

/** Fields mapped by more than one column: the server refuses them, the page says so first. */
export function duplicateFields(targets: ColumnTarget[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const t of targets) if (t.to === "field") (seen.has(t.field) ? twice : seen).add(t.field);
  return twice;
}
