import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import type { components } from "../../api/schema";
import { useSignIn } from "../../app/sign-in-hooks";
import { QueryBoundary } from "../../components/QueryBoundary";
import { SkeletonBlock } from "../../components/Skeleton";
import { EmptyState } from "../../components/ui";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { PublicPositions } from "../bets/Portfolio";
import { SendCredits } from "../credits/SendCredits";
import { ProfileStats } from "./ProfileStats";
import styles from "./profile.module.css";
import { profileQueries } from "./queries";

type PublicProfileView = components["schemas"]["PublicProfile"];

const route = getRouteApi("/users/$userId");

export function PublicProfileScreen() {
  const { userId } = route.useParams();
  const signIn = useSignIn();
  const profile = useQuery(profileQueries.user(userId));
  useDocumentTitle(profile.data?.username ?? "Profile");

  return (
    <QueryBoundary
      queries={[profile]}
      pending={<SkeletonBlock lines={4} label="Loading profile" />}
      notFound={
        <EmptyState title="No such user">
          <Link to="/leaderboard">See the leaderboard</Link>
        </EmptyState>
      }
    >
      {(user) => (
        <PublicProfile
          user={user}
          isMe={signIn.status === "signedIn" && signIn.userId === user.id}
          canSend={signIn.status === "signedIn" && signIn.userId !== user.id}
        />
      )}
    </QueryBoundary>
  );
}

function PublicProfile({
  user,
  isMe,
  canSend,
}: {
  user: PublicProfileView;
  isMe: boolean;
  canSend: boolean;
}) {
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
              {isMe ? (
                <>
                  This is how others see you. <Link to="/profile">Your full profile</Link>
                </>
              ) : (
                "Public profile"
              )}
            </p>
          </div>
        </div>
      </div>
      <div className={styles.grid}>
        <ProfileStats profile={user} />
      </div>
      {canSend ? <SendCredits username={user.username} /> : null}
      <div className={styles.sections}>
        <PublicPositions userId={user.id} />
      </div>
    </>
  );
}
