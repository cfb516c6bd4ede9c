import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Input } from "../../components/Field";
import { Alert } from "../../components/ui";
import { fieldErrorsOf } from "../../lib/fieldErrors";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { AuthCard, authStyles } from "./AuthCard";
import { rateLimited } from "./LoginScreen";
import { requestPasswordReset } from "./mutations";

export function ForgotPasswordScreen() {
  useDocumentTitle("Reset your password");
  const [busy, setBusy] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email")).trim();
    setBusy(true);
    setError(null);
    try {
      await requestPasswordReset(email);
      setSentTo(email);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title="Reset your password"
      lead="We'll email you a link to choose a new one."
      foot={<Link to="/login">Back to log in</Link>}
    >
      {sentTo ? (
        <Alert tone="success" live>
          If an account exists for <strong>{sentTo}</strong>, a reset link is on its way. It works
          once and expires in 30 minutes.
        </Alert>
      ) : (
        <form className={authStyles.form} onSubmit={submit} noValidate>
          {error && !(error instanceof ApiError && error.code === "VALIDATION_ERROR") ? (
            <Alert tone="error">
              {error instanceof ApiError && error.code === "RATE_LIMIT_EXCEEDED"
                ? rateLimited(error)
                : "Couldn't send the email. Please try again."}
            </Alert>
          ) : null}
          <Input
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            error={fieldErrorsOf(error).email ? "Enter a valid email address." : undefined}
          />
          <Button type="submit" block busy={busy}>
            Send reset link
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
