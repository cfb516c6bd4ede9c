import { Entity, type EntityItem } from "electrodb";

/**
 * An account. `balance` is only ever changed by the ledger, together with
 * `ledgerSeq`, which numbers the user's ledger entries and doubles as the
 * optimistic-concurrency version of the balance.
 */
export const User = new Entity({
  model: { entity: "user", version: "1", service: "market" },
  attributes: {
    userId: { type: "string", required: true, readOnly: true },
    email: { type: "string" },
    username: { type: "string" },
    passwordHash: { type: "string" },
    role: { type: ["user", "admin"] as const, required: true, default: "user" },
    /** When the owner proved they read mail at `email` (the signed link); unset until then. */
    emailVerifiedAt: { type: "string" },
    /**
     * Raised by every password change and reset: access tokens and reset tokens
     * issued under an older generation stop working (accounts/token-state.ts).
     * Unset means 0.
     */
    tokenGeneration: { type: "number" },
    /**
     * Sign-ins ended by logout while their access tokens may still be alive:
     * `<familyId>@<epoch seconds until>`, pruned once past the access-token lifetime.
     */
    endedSignIns: { type: "list", items: { type: "string" } },
    plan: { type: ["free", "unlimited"] as const, required: true, default: "free" },
    balance: { type: "number", required: true, default: 0 },
    ledgerSeq: { type: "number", required: true, default: 0 },
    pnl: { type: "number", required: true, default: 0 },
    volume: { type: "number", required: true, default: 0 },
    /** Lifetime credits in and out (`ledger/flow.ts`), kept by the ledger's transaction. */
    creditsEarned: { type: "number", default: 0 },
    creditsSpent: { type: "number", default: 0 },
    createdAt: { type: "string", required: true, readOnly: true },
    updatedAt: { type: "string", required: true },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["userId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type UserItem = EntityItem<typeof User>;
