/** Contracts of the sales routes. */
import type { Contract } from "../contract";

export const SALES_CONTRACTS: readonly Contract[] = [];
