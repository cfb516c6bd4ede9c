import { queryOptions } from "@tanstack/react-query";
import { unwrap } from "../../api/errors";
import { api } from "../../api/sign-in";

/** Public profiles (the signed-in user's own is the shared `me` read). */
export const profileQueries = {
  user: (userId: string) =>
    queryOptions({
      queryKey: ["user", userId],
      queryFn: async () =>
        unwrap(await api.GET("/api/v1/users/{userId}", { params: { path: { userId } } })),
    }),
};
