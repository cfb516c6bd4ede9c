import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { unwrap } from "../../api/errors";
import type { components, paths } from "../../api/schema";
import { api } from "../../api/sign-in";

export type Notification = components["schemas"]["Notification"];
export type NotificationsQuery = NonNullable<
  paths["/api/v1/notifications"]["get"]["parameters"]["query"]
>;
type MarkReadBody = NonNullable<
  paths["/api/v1/notifications/read"]["post"]["requestBody"]
>["content"]["application/json"];

/**
 * The inbox under the `notifications` key. `pollMs` (NOTIFICATION_POLL_SECONDS
 * from `/config`) re-reads it while the tab is visible: React Query's interval
 * stops in a background tab and a focus refetches at once.
 */
export const notificationQueries = {
  list: (query: NotificationsQuery, pollMs?: number) =>
    queryOptions({
      queryKey: ["notifications", query],
      queryFn: async () => unwrap(await api.GET("/api/v1/notifications", { params: { query } })),
      placeholderData: keepPreviousData,
      refetchInterval: pollMs ?? false,
      refetchIntervalInBackground: false,
    }),
};

/** Marks notifications read (`{ ids }` or `{ all: true }`); the bell and the list follow. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: MarkReadBody) =>
      unwrap(await api.POST("/api/v1/notifications/read", { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });
}
