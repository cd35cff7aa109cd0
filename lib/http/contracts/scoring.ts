/** Contracts of the scoring routes. */
import type { Contract } from "../contract";

export const SCORING_CONTRACTS: readonly Contract[] = [];
