import type { CoreContext } from "../context";
import type { PurchaseItem } from "../entities/purchase";
import { fromCents } from "../money";
import { serviceFor } from "../service";

/** How many of a user's purchases the list shows (newest first). */
export const purchaseListSize = 100;

/** The user's purchases, newest first: one Query of a page. */
export async function listPurchases(ctx: CoreContext, userId: string): Promise<PurchaseItem[]> {
  const { data } = await serviceFor(ctx.db)
    .entities.purchase.query.byUser({ userId })
    .go({ order: "desc", limit: purchaseListSize });
  return data;
}

/** A purchase as the API shows it. */
export function toPurchaseView(item: PurchaseItem) {
  return {
    id: item.checkoutSessionId,
    packageId: item.packageId,
    credits: item.credits,
    price: fromCents(item.priceCents),
    currency: item.currency,
    status: item.status,
    refundedCredits: item.refundedCredits ?? 0,
    createdAt: item.createdAt,
    paidAt: item.paidAt ?? null,
  };
}
