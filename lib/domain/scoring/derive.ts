/**
 * Scores derived from what the live version's rules earned, instead of replaying every event.
 *
 * Each lead's live row keeps what each active rule earned (`lead_scores.earned`), and what an event
 * rule earns is always its points times a quantity of events: a count (capped by `maxCount`) or a
 * sum of decay factors. So when a new version's event rule counts the same events as a live one
 * (same event, conditions, cap, window and half-life) and only its points differ, its earnings are
 * the live rule's times new / old points — exactly, as of the live row's own time. Attribute rules
 * read the lead's fields, which cost nothing to evaluate again. The everyday republish (points,
 * thresholds, caps, grades, bands, attribute rules changed) then reads one row per lead instead of
 * 20 events per lead.
 *
 * A derived score is the new version's score as of the time the live one was computed (`as_of`):
 * time alone then ages it as it aged the old one, and the decay refresh moves it on (refresh.ts).
 * An event rule that counts something no live rule counted (a new rule, a changed condition, a
 * window, a half-life, a rule switched back on, a rule whose live points are 0) needs the events:
 * only that rule's are read, as of the same time (compile-derived.ts), and the others still derive.
 * When no event rule derives, there is no derivation and the publish replays every event.
 */
import { diffRule } from "./diff";
import { isActive, type EventRule, type ScoringModel } from "./model";

/** Where one active rule of the new version takes its earnings from. */
export type EarnedSource =
  | { from: "fields" }
  /**
   * The live row's `earned[index]` (0-based) times `scale`; a rule without half-life counts whole
   * events, so its count is rounded back first (`perEvent`: the live rule's points).
   */
  | { from: "earned"; index: number; scale: number; perEvent: number | null; points: number }
  /** Counts what no live rule counted: its events are read again, as of the live row's time. */
  | { from: "events" };

export type Derivation = {
  /** How many earnings a usable live row holds (the live version's active rules). */
  liveRules: number;
  /** One per active rule of the new version, in its order. */
  sources: EarnedSource[];
};

/**
 * How a version's scores are computed: every rule's from stored earnings, some rules' from their
 * events and the rest from stored earnings, or every event replayed.
 */
export type ScoredFrom = "earnings" | "mixed" | "events";

export const scoredFrom = (d: Derivation | null | undefined): ScoredFrom =>
  !d ? "events" : d.sources.some((s) => s.from === "events") ? "mixed" : "earnings";

const MATCH_FIELDS = new Set(["kind", "event", "where", "maxCount", "withinDays", "halfLifeDays"]);

/** The two event rules count the same events (their labels, points or ids may differ). */
function countsTheSame(a: EventRule, b: EventRule): boolean {
  return !diffRule(a, b).some((change) => MATCH_FIELDS.has(change.field));
}

/**
 * How `next`'s scores follow from `live`'s stored earnings (some event rules perhaps replayed), or
 * null when no event rule's earnings can be reused (then every event is replayed).
 */
export function deriveFrom(live: ScoringModel, next: ScoringModel): Derivation | null {
  const liveActive = live.rules.filter(isActive);
  const sources: EarnedSource[] = [];
  for (const rule of next.rules.filter(isActive)) {
    if (rule.kind === "attribute") {
      sources.push({ from: "fields" });
      continue;
    }
    // The rule of the same id first, then any live rule counting the same events.
    const candidates = liveActive
      .map((r, index) => ({ r, index }))
      .filter(
        (c): c is { r: EventRule; index: number } =>
          c.r.kind === "event" && c.r.points !== 0 && countsTheSame(c.r, rule),
      )
      .sort((a, b) => Number(b.r.id === rule.id) - Number(a.r.id === rule.id));
    const source = candidates[0];
    if (!source) {
      sources.push({ from: "events" });
      continue;
    }
    sources.push({
      from: "earned",
      index: source.index,
      scale: rule.points / source.r.points,
      perEvent: rule.halfLifeDays ? null : source.r.points,
      points: rule.points,
    });
  }
  const replayed = sources.filter((s) => s.from === "events").length;
  const eventRules = sources.filter((s) => s.from !== "fields").length;
  if (replayed && replayed === eventRules) return null;
  return { liveRules: liveActive.length, sources };
}
