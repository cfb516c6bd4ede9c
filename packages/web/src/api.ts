/** Base of every API call: same origin locally, the API Gateway URL in AWS. */
export const apiBase = `${(import.meta.env.VITE_API_URL ?? "").replace(/\/+$/, "")}/api/v1`;

/** Whether the API and its table answer (`GET /health` says `status: "ok"`). */
export async function isApiUp(signal: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(`${apiBase}/health`, {
      headers: { accept: "application/json" },
      signal,
    });
    if (!response.ok) return false;
    const body: unknown = await response.json();
    return typeof body === "object" && body !== null && "status" in body && body.status === "ok";
  } catch {
    // Network errors and non-JSON answers (e.g. a proxy's error page) mean "down".
    return false;
  }
}
