import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ApiError } from "../../api/errors";
import { useSignIn } from "../../app/sign-in-hooks";
import { SkeletonBlock } from "../../components/Skeleton";
import { EmptyState, ErrorState } from "../../components/ui";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { ProfileStats } from "./ProfileStats";
import styles from "./profile.module.css";
import { profileQueries } from "./queries";

const route = getRouteApi("/users/$userId");

export function PublicProfileScreen() {
  const { userId } = route.useParams();
  const signIn = useSignIn();
  const profile = useQuery(profileQueries.user(userId));
  useDocumentTitle(profile.data?.username ?? "Profile");

  if (profile.isPending) return <SkeletonBlock lines={4} label="Loading profile" />;
  if (profile.isError) {
    return profile.error instanceof ApiError && profile.error.status === 404 ? (
      <EmptyState title="No such user">
        <Link to="/leaderboard">See the leaderboard</Link>
      </EmptyState>
    ) : (
      <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
    );
  }
  const user = profile.data;
  const isMe = signIn.status === "signedIn" && signIn.userId === user.id;
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
    </>
  );
}
