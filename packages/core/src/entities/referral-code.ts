import { Entity, type EntityItem } from "electrodb";

/** A referral code and the user it belongs to; created with the user's `referralCode`, once. */
export const ReferralCode = new Entity({
  model: { entity: "referralCode", version: "1", service: "market" },
  attributes: {
    code: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byCode: {
      pk: { field: "pk", composite: ["code"] },
      sk: { field: "sk", composite: [] },
    },
  },
});

export type ReferralCodeItem = EntityItem<typeof ReferralCode>;
