import { Entity, type EntityItem } from "electrodb";

/**
 * Uniqueness guards: an item keyed by the normalized email or username, put with
 * `attribute_not_exists` in the same transaction as the user, so two concurrent
 * registrations cannot both take the same value.
 */
export const UniqueEmail = new Entity({
  model: { entity: "uniqueEmail", version: "1", service: "market" },
  attributes: {
    email: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byEmail: {
      pk: { field: "pk", composite: ["email"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export const UniqueUsername = new Entity({
  model: { entity: "uniqueUsername", version: "1", service: "market" },
  attributes: {
    username: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byUsername: {
      pk: { field: "pk", composite: ["username"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type UniqueEmailItem = EntityItem<typeof UniqueEmail>;
export type UniqueUsernameItem = EntityItem<typeof UniqueUsername>;
