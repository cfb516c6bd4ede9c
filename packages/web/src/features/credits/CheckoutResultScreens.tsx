import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect } from "react";
import { queries } from "../../api/queries";
import { buttonClass } from "../../components/Button";
import { SkeletonBlock } from "../../components/Skeleton";
import { Alert, Card, PageHeader } from "../../components/ui";
import { formatCredits } from "../../lib/format";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { creditQueries } from "./queries";

const successRoute = getRouteApi("/credits/success");

/** Back from Checkout: waits for the webhook's grant, then shows the new balance. */
export function CheckoutSuccessScreen() {
  useDocumentTitle("Payment received");
  const { session_id: sessionId } = successRoute.useSearch();
  const purchases = useQuery(creditQueries.purchases(1_500));
  const purchase = purchases.data?.purchases.find((item) => item.id === sessionId);
  const granted = purchase !== undefined && purchase.status !== "pending";
  const me = useQuery(queries.me());
  const refetchMe = me.refetch;
  useEffect(() => {
    if (granted) void refetchMe();
  }, [granted, refetchMe]);
  return (
    <>
      <PageHeader title="Thank you!" />
      <Card>
        {granted && purchase ? (
          <div role="status">
            <p>
              {formatCredits(purchase.credits)} added. Your balance is now{" "}
              <strong data-testid="new-balance">
                {me.data ? formatCredits(me.data.creditBalance) : "…"}
              </strong>
              .
            </p>
            <Link to="/" className={buttonClass("primary")}>
              Back to the markets
            </Link>
          </div>
        ) : (
          <>
            <SkeletonBlock lines={1} label="Waiting for the payment to be confirmed" />
            <p>Waiting for Stripe to confirm the payment; this takes a few seconds.</p>
          </>
        )}
      </Card>
    </>
  );
}

/** Back from Checkout without paying. */
export function CheckoutFailureScreen() {
  useDocumentTitle("Payment not completed");
  return (
    <>
      <PageHeader title="Payment not completed" />
      <Alert tone="warning">Nothing was charged.</Alert>
      <p>
        <Link to="/credits" className={buttonClass("primary")}>
          Try again
        </Link>
      </p>
    </>
  );
}
