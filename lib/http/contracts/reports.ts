/** Contracts of the reports routes. */
import type { Contract } from "../contract";

export const REPORTS_CONTRACTS: readonly Contract[] = [];
