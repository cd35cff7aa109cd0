"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { teamQueries } from "@/lib/client/queries/settings";
import {
  changeUser,
  createInvitation,
  createUser,
  userQueries,
  type NewUser,
  type UserChanges,
} from "@/lib/client/queries/users";

/** Every change to a user also changes the teams section (members, capacity, open MQLs). */
function useRefresh() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: userQueries.all }),
      client.invalidateQueries({ queryKey: teamQueries.all }),
    ]);
}

export function useCreateUser() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: NewUser) => createUser(input), onSuccess: refresh });
}

export function useChangeUser() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: UserChanges }) => changeUser(id, changes),
    onSuccess: refresh,
  });
}

export function useInvitationLink() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => createInvitation(id), onSuccess: refresh });
}
