import { useState } from "react";
import { MAX_CAPACITY } from "@/lib/domain/teams/schemas";
import type { MemberChanges, TeamMember } from "@/lib/client/queries/settings";
import { errorKey } from "./error-key";
import { useUpdateMember } from "./use-teams";

export type MemberProblem = { field: "capacity" | "awayUntil"; key: string };

/**
 * A member's capacity and away date as typed, committed on blur or Enter once valid; the time zone
 * and team save at once. `message` is the error key to show: a local problem, else a refused save.
 */
export function useMemberEdits(member: TeamMember, memberToday: string) {
  const update = useUpdateMember(member.id, memberToday);
  const [capacity, setCapacity] = useState<string | null>(null);
  const [away, setAway] = useState<string | null>(null);
  const [problem, setProblem] = useState<MemberProblem | null>(null);

  const save = (changes: MemberChanges) => {
    setProblem(null);
    update.mutate(changes);
  };
  const commitCapacity = () => {
    if (capacity === null) return;
    const value = Number(capacity);
    if (capacity.trim() === "" || !Number.isInteger(value) || value < 0 || value > MAX_CAPACITY) {
      setProblem({ field: "capacity", key: "capacity" });
      return;
    }
    setCapacity(null);
    if (value !== member.capacity) save({ capacity: value });
  };
  const commitAway = (value: string, onBlur: boolean) => {
    if (value === "") return; // an incomplete date: wait for the rest
    if (value < memberToday) {
      if (onBlur) setProblem({ field: "awayUntil", key: "awayPast" });
      return;
    }
    setAway(null);
    if (value !== member.awayUntil) save({ awayUntil: value });
  };
  const clearAway = () => {
    setAway(null);
    if (member.awayUntil) save({ awayUntil: null });
    else setProblem(null);
  };
  const failed = update.isError ? errorKey(update.error) : null;
  const message = problem?.key ?? failed;

  return {
    update,
    capacity,
    setCapacity,
    commitCapacity,
    away,
    setAway,
    commitAway,
    clearAway,
    save,
    problem,
    failed,
    message,
  };
}

export type MemberEdits = ReturnType<typeof useMemberEdits>;
