import { Entity, type EntityItem } from "electrodb";

/**
 * One sign-in (a login and the refresh-token family it started; not a
 * prediction session). Its `generation` is raised, never lowered, when the
 * sign-in ends (logout, reuse of a rotated token): every refresh token names
 * the generation it was issued under, and a rotation commits only while the
 * item still holds it (a condition in the rotation's transaction), so no
 * rotation racing the end can bring the sign-in back. The item lives as long
 * as the family's newest refresh token (each rotation moves `ttl`); once it is
 * gone, its tokens have expired too, and a rotation without it is refused.
 */
export const SignIn = new Entity({
  model: { entity: "signIn", version: "1", service: "market" },
  attributes: {
    signInId: { type: "string", required: true, readOnly: true },
    userId: { type: "string" },
    generation: { type: "number", required: true, default: 0 },
    createdAt: { type: "string" },
    /** Epoch seconds; DynamoDB removes the item a while after its last token expired. */
    ttl: { type: "number" },
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["signInId"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type SignInItem = EntityItem<typeof SignIn>;
