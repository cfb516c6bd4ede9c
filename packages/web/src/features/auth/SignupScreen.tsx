import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ApiError, unwrap } from "../../api/errors";
import { queries } from "../../api/queries";
import { getSignInState, register } from "../../api/sign-in";
import { safeRedirect } from "../../app/search";
import { Button } from "../../components/Button";
import { Input } from "../../components/Field";
import { Alert, Badge } from "../../components/ui";
import { fieldErrorsOf } from "../../lib/fieldErrors";
import { formatCredits } from "../../lib/format";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { startFirstRun } from "../onboarding/firstRun";
import { AuthCard, authStyles } from "./AuthCard";
import { rateLimited } from "./LoginScreen";

const route = getRouteApi("/signup");

export function SignupScreen() {
  useDocumentTitle("Sign up");
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const config = useQuery(queries.config()).data;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      unwrap(
        await register({
          username: String(form.get("username")).trim(),
          email: String(form.get("email")).trim(),
          password: String(form.get("password")),
        }),
      );
      const signedIn = getSignInState();
      if (signedIn.status === "signedIn") startFirstRun(signedIn.userId);
      await navigate({ href: safeRedirect(redirect), replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const fields = fieldErrorsOf(error);
  const conflict = error instanceof ApiError ? error.code : "";
  return (
    <AuthCard
      title="Create your account"
      lead="Bet play-money credits on real-world questions."
      foot={
        <>
          Already have an account?{" "}
          <Link to="/login" search={{ redirect }}>
            Log in
          </Link>
        </>
      }
    >
      {config ? (
        <div className={authStyles.perks}>
          <Badge tone="open">{formatCredits(config.signupBonus)} to start</Badge>
          <Badge tone="resolved">+{formatCredits(config.dailyReward)} every day</Badge>
        </div>
      ) : null}
      <form className={authStyles.form} onSubmit={submit} noValidate>
        {error &&
        !Object.keys(fields).length &&
        conflict !== "EMAIL_TAKEN" &&
        conflict !== "USERNAME_TAKEN" ? (
          <Alert tone="error">
            {error instanceof ApiError && error.code === "RATE_LIMIT_EXCEEDED"
              ? rateLimited(error)
              : error instanceof ApiError
                ? error.message
                : "Can't reach the server. Check your connection and try again."}
          </Alert>
        ) : null}
        <Input
          label="Username"
          name="username"
          autoComplete="username"
          required
          minLength={3}
          maxLength={50}
          pattern="[A-Za-z0-9_]{3,50}"
          hint="3–50 letters, digits or underscores. Shown on the leaderboard."
          error={conflict === "USERNAME_TAKEN" ? "That username is taken." : fields.username}
        />
        <Input
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          error={
            conflict === "EMAIL_TAKEN"
              ? "An account with this email exists. Log in instead?"
              : fields.email
          }
        />
        <Input
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters. A passphrase works well."
          error={fields.password}
        />
        <Button type="submit" block busy={busy}>
          Create account
        </Button>
      </form>
    </AuthCard>
  );
}
