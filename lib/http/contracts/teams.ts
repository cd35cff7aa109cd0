/** Contracts of the teams routes. */
import type { Contract } from "../contract";

export const TEAMS_CONTRACTS: readonly Contract[] = [];
