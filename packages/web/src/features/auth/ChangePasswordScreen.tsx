import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiError } from "../../api/errors";
import { changePassword } from "../../api/sign-in";
import { useMe } from "../../app/sign-in-hooks";
import { Button } from "../../components/Button";
import { Input } from "../../components/Field";
import { useToast } from "../../components/Toast";
import { Alert } from "../../components/ui";
import { fieldErrorsOf } from "../../lib/fieldErrors";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { AuthCard, authStyles } from "./AuthCard";
import { rateLimited } from "./LoginScreen";

export function ChangePasswordScreen() {
  useDocumentTitle("Change password");
  const me = useMe().data;
  const navigate = useNavigate();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!me) return;
    const form = new FormData(event.currentTarget);
    const currentPassword = String(form.get("currentPassword"));
    const newPassword = String(form.get("newPassword"));
    if (newPassword !== String(form.get("confirm"))) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    setError(null);
    try {
      const outcome = await changePassword({ email: me.email, currentPassword, newPassword });
      if (outcome === "signInAgain") {
        toast("Password changed. Please log in with your new password.", "success");
        await navigate({ to: "/login", search: { redirect: "/profile" } });
        return;
      }
      toast("Password changed. Every other device was signed out.", "success");
      // Someone who moved on while it finished stays where they went.
      if (mounted.current) await navigate({ to: "/profile" });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const wrongCurrent = error instanceof ApiError && error.code === "INVALID_CREDENTIALS";
  const fields = fieldErrorsOf(error);
  return (
    <AuthCard
      title="Change password"
      lead="Changing it signs you out on every other device."
      foot={<Link to="/profile">Back to profile</Link>}
    >
      <form className={authStyles.form} onSubmit={submit} noValidate>
        {error && !wrongCurrent && !fields.newPassword ? (
          <Alert tone="error">
            {error instanceof ApiError && error.code === "RATE_LIMIT_EXCEEDED"
              ? rateLimited(error)
              : "Couldn't change the password. Please try again."}
          </Alert>
        ) : null}
        <Input
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={wrongCurrent ? "That is not your current password." : undefined}
        />
        <Input
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint="At least 10 characters, not a common password or your own name or email."
          error={fields.newPassword}
        />
        <Input
          label="Repeat the new password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          error={mismatch ? "The two passwords differ." : undefined}
        />
        <Button type="submit" block busy={busy} disabled={!me}>
          Change password
        </Button>
      </form>
    </AuthCard>
  );
}
