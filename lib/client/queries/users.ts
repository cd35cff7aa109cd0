/** Users over the API: the admin's list, creating and inviting, changing role or status. */
import { queryOptions } from "@tanstack/react-query";
import { api, callData } from "@/lib/client/api";
import type { operations } from "@/lib/client/api-schema";

type JsonBody<O extends keyof operations> = operations[O] extends {
  requestBody: { content: { "application/json": infer B } };
}
  ? B
  : never;

const fetchUsers = () => callData(api.GET("/api/v1/users"));

export type UserRow = Awaited<ReturnType<typeof fetchUsers>>[number];
export type NewUser = JsonBody<"createUser">;
export type UserChanges = JsonBody<"updateUser">;

const users = ["users"] as const;

export const userQueries = {
  all: users,
  list: () => queryOptions({ queryKey: [...users, "list"], queryFn: fetchUsers }),
};

export const createUser = (body: NewUser) => callData(api.POST("/api/v1/users", { body }));

export const changeUser = (userId: string, body: UserChanges) =>
  callData(api.PATCH("/api/v1/users/{id}", { params: { path: { id: userId } }, body }));

export const createInvitation = (userId: string) =>
  callData(api.POST("/api/v1/users/{id}/invitation", { params: { path: { id: userId } } }));
