import type { Queryable } from "@/db/client";
import type { AnyJobDefinition } from "../definition";

export type WorkerRoles = {
  /** Run jobs in this process. */
  work: boolean;
  /** Fire the recurring schedules (once per cluster whatever the number of processes). */
  schedule: boolean;
};

/** What a queue backend does; `jobs` rows are written by the caller (lib/jobs/enqueue.ts). */
export interface JobDriver {
  readonly kind: "in-process" | "pg-boss";
  /** Queues a job whose row was just inserted, in the same transaction when `q` is one. */
  send(
    q: Queryable,
    definition: AnyJobDefinition,
    job: { id: string; singletonKey: string | null; runAt: Date },
  ): Promise<void>;
  cancel(definition: AnyJobDefinition, id: string): Promise<void>;
  start(roles: WorkerRoles): Promise<void>;
  stop(): Promise<void>;
}
