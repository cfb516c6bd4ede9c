/** Base of every API call: same origin locally, the API Gateway URL in AWS. */
export const apiOrigin = (import.meta.env.VITE_API_URL ?? "").replace(/\/+$/, "");
