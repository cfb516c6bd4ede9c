import { useQuery } from "@tanstack/react-query";
import { describeError } from "../../api/errors";
import { Button } from "../../components/Button";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { Alert, Card, PageHeader } from "../../components/ui";
import { formatCredits } from "../../lib/format";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import styles from "./credits.module.css";
import { useCheckout } from "./mutations";
import { creditQueries } from "./queries";

const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** "Get credits": the packages on sale; buying one goes to Stripe Checkout. */
export function CreditsScreen() {
  useDocumentTitle("Get credits");
  const packages = useQuery(creditQueries.packages());
  const checkout = useCheckout();
  return (
    <>
      <PageHeader
        title="Get credits"
        description="Credits are play money: $1 buys 100, and the larger packages add a bonus."
      />
      <QueryBoundary queries={[packages]} pending={<SkeletonBlock lines={3} label="Loading" />}>
        {({ enabled, packages: offers }) => (
          <>
            {enabled ? null : (
              <Alert tone="info">
                Buying credits is turned off on this server. To turn it on, set{" "}
                <code>STRIPE_SECRET_KEY</code> and <code>STRIPE_WEBHOOK_SECRET</code> (Stripe test
                keys work locally with <code>stripe listen</code>; see docs/deploy.md, "Payments").
              </Alert>
            )}
            {checkout.isError ? <Alert tone="error">{describeError(checkout.error)}</Alert> : null}
            <div className={styles.packages}>
              {offers.map((offer) => (
                <Card key={offer.id}>
                  <h2>{formatCredits(offer.credits)}</h2>
                  <p className={styles.price}>{dollars.format(offer.price)}</p>
                  <Button
                    onClick={() => checkout.mutate(offer.id)}
                    busy={checkout.isPending && checkout.variables === offer.id}
                    disabled={!enabled || checkout.isPending}
                    aria-label={`Buy ${formatCredits(offer.credits)} for ${dollars.format(offer.price)}`}
                  >
                    Buy
                  </Button>
                </Card>
              ))}
            </div>
          </>
        )}
      </QueryBoundary>
    </>
  );
}
