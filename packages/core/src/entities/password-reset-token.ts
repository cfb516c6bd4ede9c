import { Entity, type EntityItem } from "electrodb";

/** A single-use password reset token, stored as the SHA-256 of its value. */
export const PasswordResetToken = new Entity({
  model: { entity: "passwordResetToken", version: "1", service: "market" },
  attributes: {
    tokenHash: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    expiresAt: { type: "string", required: true, readOnly: true },
    usedAt: { type: "string" },
    /** The user's `tokenGeneration` at issue: a password change or reset since voids the token. */
    generation: { type: "number", required: true, readOnly: true, default: 0 },
    ttl: { type: "number", required: true, readOnly: true },
  },
  indexes: {
    byHash: {
      pk: { field: "pk", composite: ["tokenHash"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type PasswordResetTokenItem = EntityItem<typeof PasswordResetToken>;
