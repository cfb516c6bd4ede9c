import { getRouteApi, Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../api/errors";
import { Button, buttonClass } from "../../components/Button";
import { Input } from "../../components/Field";
import { Alert } from "../../components/ui";
import { fieldErrorsOf } from "../../lib/fieldErrors";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { AuthCard, authStyles } from "./AuthCard";
import { confirmPasswordReset } from "./mutations";

const route = getRouteApi("/reset-password");

export function ResetPasswordScreen() {
  useDocumentTitle("Choose a new password");
  const { token } = route.useSearch();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword"));
    if (newPassword !== String(form.get("confirm"))) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    setError(null);
    try {
      await confirmPasswordReset(token ?? "", newPassword);
      setDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  if (!token) {
    return (
      <AuthCard
        title="Reset link missing"
        foot={<Link to="/forgot-password">Request a new link</Link>}
      >
        <Alert tone="warning">Open the link from your email, or request a new one.</Alert>
      </AuthCard>
    );
  }
  if (done) {
    return (
      <AuthCard title="Password changed">
        <div className={authStyles.form}>
          <Alert tone="success" live>
            Your new password is set, and every device was signed out.
          </Alert>
          <Link to="/login" className={buttonClass()}>
            Log in
          </Link>
        </div>
      </AuthCard>
    );
  }
  const invalidToken = error instanceof ApiError && error.code === "INVALID_RESET_TOKEN";
  return (
    <AuthCard title="Choose a new password" foot={<Link to="/login">Back to log in</Link>}>
      <form className={authStyles.form} onSubmit={submit} noValidate>
        {invalidToken ? (
          <Alert tone="error">
            This reset link is invalid, used or expired.{" "}
            <Link to="/forgot-password">Request a new one</Link>.
          </Alert>
        ) : error && !fieldErrorsOf(error).newPassword ? (
          <Alert tone="error">Couldn't change the password. Please try again.</Alert>
        ) : null}
        <Input
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters, not a common password or your own name or email."
          error={fieldErrorsOf(error).newPassword}
        />
        <Input
          label="Repeat the new password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          error={mismatch ? "The two passwords differ." : undefined}
        />
        <Button type="submit" block busy={busy}>
          Set new password
        </Button>
      </form>
    </AuthCard>
  );
}
