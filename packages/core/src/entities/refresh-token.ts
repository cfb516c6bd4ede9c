import { Entity, type EntityItem } from "electrodb";

/**
 * A refresh token, stored only as the SHA-256 of its value. Tokens of one login
 * share a `familyId`; presenting a token that was already rotated revokes the
 * whole family (reuse detection).
 */
export const RefreshToken = new Entity({
  model: { entity: "refreshToken", version: "1", service: "market" },
  attributes: {
    tokenHash: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    familyId: { type: "string", required: true, readOnly: true },
    status: { type: ["active", "rotated", "revoked"] as const, required: true, default: "active" },
    createdAt: { type: "string", required: true, readOnly: true },
    expiresAt: { type: "string", required: true, readOnly: true },
    /** Epoch seconds; DynamoDB removes the item a while after it expires. */
    ttl: { type: "number", required: true, readOnly: true },
  },
  indexes: {
    byHash: {
      pk: { field: "pk", composite: ["tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
    byUser: {
      index: "gsi1",
      pk: { field: "gsi1pk", composite: ["userId"] },
      sk: { field: "gsi1sk", composite: ["familyId", "createdAt"] },
    },
  },
});

export type RefreshTokenItem = EntityItem<typeof RefreshToken>;
