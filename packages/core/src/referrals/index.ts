export { type Referral, referralOf, referrerOf } from "./code";
export { type ReferralReward, rewardReferral } from "./reward";
