import { Entity, type EntityItem } from "electrodb";

/**
 * A user's admin search keys, on an item of their own (issue 22): the
 * lower-cased email and username, partitioned by first character, so a prefix
 * search is one Query (`begins_with`) on the partition of its initial. On the
 * user item these made every balance change rewrite two index entries; here
 * they are written at registration and rename only.
 */
export const UserSearchKey = new Entity({
  model: { entity: "userSearchKey", version: "1", service: "market" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    email: { type: "string" },
    username: { type: "string" },
    emailKey: {
      type: "string",
      hidden: true,
      watch: ["email"],
      set: (_, { email }) => (email ? email.toLowerCase() : undefined),
    },
    emailInitial: {
      type: "string",
      hidden: true,
      watch: ["email"],
      set: (_, { email }) => (email ? email.toLowerCase().slice(0, 1) : undefined),
    },
    usernameKey: {
      type: "string",
      hidden: true,
      watch: ["username"],
      set: (_, { username }) => (username ? username.toLowerCase() : undefined),
    },
    usernameInitial: {
      type: "string",
      hidden: true,
      watch: ["username"],
      set: (_, { username }) => (username ? username.toLowerCase().slice(0, 1) : undefined),
    },
  },
  indexes: {
    byUser: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: [] },
    },
    byEmailPrefix: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["emailInitial"] },
      sk: { field: "gsi1sk", composite: ["emailKey"] },
    },
    byUsernamePrefix: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["usernameInitial"] },
      sk: { field: "gsi2sk", composite: ["usernameKey"] },
    },
  },
});

export type UserSearchKeyItem = EntityItem<typeof UserSearchKey>;
