import type { ServerResponse } from "node:http";
import Stripe from "stripe";
import { type LoopbackServer, sendJson, startLoopbackServer } from "./loopback-server";

/** A Checkout Session the stand-in created: the form the SDK sent, as Stripe keeps it. */
export interface StandInSession {
  id: string;
  form: URLSearchParams;
}

export interface StripeStandIn {
  /** Where the app's `STRIPE_API_BASE` points. */
  url: string;
  server: LoopbackServer;
  /**
   * The signed `checkout.session.completed` Stripe would deliver once the
   * session is paid: the body and its `Stripe-Signature`, signed with the SDK's
   * own test helper. Undefined for a session the stand-in did not create.
   */
  paidEvent(sessionId: string): { payload: string; signature: string } | undefined;
  close(): Promise<void>;
}

/**
 * Stripe's Checkout on loopback, for the browser tests and the load test: the
 * SDK's `POST /v1/checkout/sessions` answered with a session whose `url` is the
 * stand-in's own `/pay/<id>`; that hosted page is `onPay` (the browser test pays
 * there and sends the browser on), 404 without it.
 */
export async function startStripeStandIn(options: {
  webhookSecret: string;
  onPay?: (session: StandInSession, response: ServerResponse) => Promise<void>;
}): Promise<StripeStandIn> {
  const server = await startLoopbackServer();
  const sessions = new Map<string, URLSearchParams>();
  server.answer(async (request, response) => {
    if (request.method === "POST" && request.path === "/v1/checkout/sessions") {
      const id = `cs_test_standin_${sessions.size + 1}`;
      sessions.set(id, new URLSearchParams(request.body));
      sendJson(response, 200, { id, object: "checkout.session", url: `${server.url}/pay/${id}` });
      return;
    }
    const id = request.path.replace(/^\/pay\//, "");
    const form = sessions.get(id);
    if (!form || !options.onPay) {
      response.writeHead(404).end();
      return;
    }
    await options.onPay({ id, form }, response);
  });
  return {
    url: server.url,
    server,
    paidEvent(sessionId) {
      const form = sessions.get(sessionId);
      if (!form) return undefined;
      const payload = JSON.stringify(
        checkoutCompleted({
          sessionId,
          userId: form.get("metadata[userId]") ?? "",
          packageId: form.get("metadata[packageId]") ?? "",
          credits: form.get("metadata[credits]") ?? "",
          amountCents: Number(form.get("line_items[0][price_data][unit_amount]")),
        }),
      );
      const signature = Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: options.webhookSecret,
      });
      return { payload, signature };
    },
    close: () => server.close(),
  };
}

/** The `checkout.session.completed` event of a paid session, as Stripe words it. */
export function checkoutCompleted(session: {
  sessionId: string;
  userId: string;
  packageId: string;
  credits: string;
  amountCents: number;
  paymentIntent?: string;
}) {
  return {
    id: `evt_${session.sessionId}`,
    object: "event",
    type: "checkout.session.completed",
    data: {
      object: {
        id: session.sessionId,
        object: "checkout.session",
        payment_status: "paid",
        client_reference_id: session.userId,
        metadata: {
          userId: session.userId,
          packageId: session.packageId,
          credits: session.credits,
        },
        payment_intent: session.paymentIntent ?? `pi_${session.sessionId}`,
        amount_total: session.amountCents,
        currency: "usd",
      },
    },
  };
}
