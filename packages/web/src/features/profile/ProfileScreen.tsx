import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { logOut, type PrivateProfile } from "../../api/sign-in";
import { useMe } from "../../app/sign-in-hooks";
import { Button, buttonClass } from "../../components/Button";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { Card } from "../../components/ui";
import { formatCredits, formatDate } from "../../lib/format";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { MyPortfolio } from "../bets/Portfolio";
import { CreditFlowsChart } from "../credits/CreditFlowsChart";
import { RecentPredictions } from "../predict/RecentPredictions";
import { DailyReward } from "./DailyReward";
import { EmailPreferences } from "./EmailPreferences";
import { ProfileStats } from "./ProfileStats";
import styles from "./profile.module.css";

export function ProfileScreen() {
  useDocumentTitle("Your profile");
  const me = useMe();
  return (
    <QueryBoundary queries={[me]} pending={<SkeletonBlock lines={5} label="Loading profile" />}>
      {(user) => <Profile user={user} />}
    </QueryBoundary>
  );
}

function Profile({ user }: { user: PrivateProfile }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [leaving, setLeaving] = useState(false);

  async function leave() {
    setLeaving(true);
    // Leave the private page first, so its guard does not send us to sign-in.
    await navigate({ to: "/" });
    await logOut();
    queryClient.clear();
  }

  return (
    <>
      <div className={styles.row} style={{ marginBottom: "1.25rem" }}>
        <div className={styles.identity}>
          <span className={styles.avatar} aria-hidden="true">
            {user.username.slice(0, 1)}
          </span>
          <div>
            <h1>{user.username}</h1>
            <p className={styles.muted}>
              {user.email} · member since {formatDate(user.createdAt)}
            </p>
          </div>
        </div>
        <div className={styles.actions}>
          <Link
            to="/users/$userId"
            params={{ userId: user.id }}
            className={buttonClass("secondary", "small")}
          >
            Public profile
          </Link>
          <Link to="/account/password" className={buttonClass("secondary", "small")}>
            Change password
          </Link>
          <Button variant="secondary" size="small" busy={leaving} onClick={() => void leave()}>
            Log out
          </Button>
        </div>
      </div>
      <div className={styles.grid}>
        <Card>
          <dl className={styles.stat}>
            <dt>Balance</dt>
            <dd>{formatCredits(user.creditBalance)}</dd>
            <dd>
              <small>
                <Link to="/transactions">See transactions</Link>
              </small>
            </dd>
          </dl>
        </Card>
        <Card>
          <dl className={styles.stat}>
            <dt>Plan</dt>
            <dd>{user.plan === "unlimited" ? "Unlimited" : "Free"}</dd>
            <dd>
              <small>
                {user.plan === "unlimited"
                  ? "AI predictions are free."
                  : "AI predictions cost credits."}
              </small>
            </dd>
          </dl>
        </Card>
        <ProfileStats profile={user} />
      </div>
      <div className={styles.sections}>
        <MyPortfolio />
        <DailyReward user={user} />
        <CreditFlowsChart />
        <RecentPredictions />
        <EmailPreferences user={user} />
      </div>
    </>
  );
}
