import { useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useRouter } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { buttonClass } from "../components/Button";
import { StaleBanner } from "../components/StaleBanner";
import { useToast } from "../components/Toast";
import { NotificationBell } from "../features/notifications/NotificationBell";
import { FirstRunGuide } from "../features/onboarding/FirstRunGuide";
import { formatCredits } from "../lib/format";
import styles from "./AppShell.module.css";
import { useLowCredits, useMe, useSignIn } from "./sign-in-hooks";

const navItems = [
  { to: "/", label: "Markets", exact: true },
  { to: "/bets", label: "My bets", exact: false },
  { to: "/leaderboard", label: "Leaderboard", exact: false },
  { to: "/models", label: "Models", exact: false },
  { to: "/profile", label: "Profile", exact: false },
] as const;
/** Only admins see it; the console's pages refuse anyone else anyway. */
const adminItem = { to: "/admin", label: "Admin", exact: false } as const;

function Nav({
  className,
  label,
  compact = false,
}: {
  className: string | undefined;
  label: string;
  compact?: boolean;
}) {
  const admin = useMe().data?.role === "admin";
  // On a phone the header's avatar is the way to the profile, so the rest fit 390 px.
  const items = compact ? navItems.filter((item) => item.to !== "/profile") : navItems;
  return (
    <nav className={className} aria-label={label}>
      {(admin ? [...items, adminItem] : items).map((item) => (
        <Link
          key={item.to}
          to={item.to}
          className={styles.navLink}
          activeOptions={{ exact: item.exact, includeSearch: false }}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}

/** Header (brand, navigation, balance), the low-credit banner, the page, the footer. */
export function AppShell() {
  const signIn = useSignIn();
  const me = useMe().data;
  const lowCredits = useLowCredits();
  const router = useRouter();
  const queryClient = useQueryClient();
  const toast = useToast();
  const previous = useRef(signIn);

  // A sign-in that ends (logout, another tab, a refresh that failed) re-runs the
  // route guards: a private page sends the user to sign-in with the way back.
  useEffect(() => {
    if (previous.current === signIn) return;
    const wasSignedIn = previous.current.status === "signedIn";
    previous.current = signIn;
    if (signIn.status === "signedOut") {
      queryClient.removeQueries({
        predicate: (query) =>
          query.queryKey[0] !== "config" &&
          query.queryKey[0] !== "markets" &&
          query.queryKey[0] !== "market",
      });
      if (wasSignedIn && signIn.reason === "expired")
        toast("Your sign-in expired. Please log in again.");
    }
    void router.invalidate();
  }, [signIn, router, queryClient, toast]);

  const signedIn = signIn.status === "signedIn";
  return (
    <>
      <a className={styles.skip} href="#main">
        Skip to content
      </a>
      <header className={styles.header}>
        <div className={styles.bar}>
          <Link to="/" className={styles.brand}>
            <span className={styles.mark} aria-hidden="true">
              C
            </span>
            <span className={styles.brandName}>Credits Market</span>
          </Link>
          {signedIn ? <Nav className={styles.nav} label="Main" /> : null}
          <span className={styles.spacer} />
          {signedIn ? (
            <div className={styles.account}>
              <NotificationBell />
              <Link to="/transactions" className={styles.balance} data-testid="balance">
                <span className={styles.coin} aria-hidden="true">
                  ¢
                </span>
                <span className="visually-hidden">Balance: </span>
                <span>{me ? formatCredits(me.creditBalance) : "…"}</span>
              </Link>
              <Link to="/credits" className={buttonClass("secondary", "small")}>
                <span className={styles.getCreditsLabel}>Get credits</span>
                <span className={styles.getCreditsShort} aria-hidden="true">
                  +
                </span>
              </Link>
              <Link to="/profile" className={styles.user}>
                <span className={styles.avatar} aria-hidden="true">
                  {me?.username.slice(0, 1) ?? "·"}
                </span>
                <span className={styles.userName}>{me?.username ?? "Profile"}</span>
              </Link>
            </div>
          ) : (
            <div className={styles.account}>
              <Link to="/login" className={buttonClass("ghost", "small")}>
                Log in
              </Link>
              <Link to="/signup" className={buttonClass("primary", "small")}>
                Sign up
              </Link>
            </div>
          )}
        </div>
        {signedIn ? <Nav className={styles.mobileNav} label="Main (compact)" compact /> : null}
      </header>
      {signedIn && lowCredits && me ? (
        <div className={styles.banner} role="status">
          <p className={styles.bannerInner}>
            You're low on credits ({formatCredits(me.creditBalance)} left).{" "}
            <Link to="/profile" hash="daily-reward">
              Claim your daily reward
            </Link>{" "}
            or <Link to="/credits">get credits</Link> to get more.
          </p>
        </div>
      ) : null}
      <main id="main" className={styles.main} tabIndex={-1}>
        <StaleBanner />
        {signedIn ? <FirstRunGuide /> : null}
        <Outlet />
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          <span>Credits Market: play money only. Credits can never be withdrawn.</span>
          <span>Odds mirror Polymarket.</span>
        </div>
      </footer>
    </>
  );
}
