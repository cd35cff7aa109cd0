import { pgEnum } from "drizzle-orm/pg-core";
import { LIFECYCLE_STAGES, ROLES } from "@/lib/shared/vocabulary";

export * from "@/lib/shared/vocabulary";
export const roleEnum = pgEnum("role", ROLES);
export const lifecycleStageEnum = pgEnum("lifecycle_stage", LIFECYCLE_STAGES);
