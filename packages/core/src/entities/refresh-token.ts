import { Entity, type EntityItem } from "electrodb";

/**
 * A refresh token, stored only as the SHA-256 of its value. Tokens of one login
 * share a `familyId`; presenting a token that was already rotated revokes the
 * whole sign-in (reuse detection).
 */
export const RefreshToken = new Entity({
  model: { entity: "refreshToken", version: "1", service: "market" },
  attributes: {
    tokenHash: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    familyId: { type: "string", required: true, readOnly: true },
    status: { type: ["active", "rotated", "revoked"] as const, required: true, default: "active" },
    /**
     * The sign-in's (`SignIn`, id = `familyId`) and the user's `tokenGeneration`
     * when the family started: a rotation commits only while both still hold.
     * Tokens stored before these existed have neither and are refused.
     */
    signInGeneration: { type: "number", readOnly: true },
    userGeneration: { type: "number", readOnly: true },
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
