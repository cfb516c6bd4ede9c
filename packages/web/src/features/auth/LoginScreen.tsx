import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { ApiError, unwrap } from "../../api/errors";
import { logIn } from "../../api/sign-in";
import { safeRedirect } from "../../app/search";
import { Button } from "../../components/Button";
import { Input } from "../../components/Field";
import { Alert } from "../../components/ui";
import { fieldErrorsOf } from "../../lib/fieldErrors";
import { useDocumentTitle } from "../../lib/useDocumentTitle";
import { AuthCard, authStyles } from "./AuthCard";

const route = getRouteApi("/login");

export function LoginScreen() {
  useDocumentTitle("Log in");
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      unwrap(
        await logIn({ email: String(form.get("email")), password: String(form.get("password")) }),
      );
      await navigate({ href: safeRedirect(redirect), replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const fields = fieldErrorsOf(error);
  return (
    <AuthCard
      title="Log in"
      lead={redirect ? "Log in to continue where you left off." : "Welcome back."}
      foot={
        <>
          New here?{" "}
          <Link to="/signup" search={{ redirect }}>
            Create an account
          </Link>
        </>
      }
    >
      <form className={authStyles.form} onSubmit={submit} noValidate>
        {error ? <Alert tone="error">{loginMessage(error)}</Alert> : null}
        <Input
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          error={fields.email}
        />
        <Input
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fields.password}
        />
        <p className={authStyles.row}>
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
        <Button type="submit" block busy={busy}>
          Log in
        </Button>
      </form>
    </AuthCard>
  );
}

function loginMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "INVALID_CREDENTIALS")
      return "That email and password don't match an account.";
    if (error.code === "RATE_LIMIT_EXCEEDED") return rateLimited(error);
    if (error.code === "VALIDATION_ERROR") return "Please check the highlighted fields.";
    return error.message;
  }
  return "Can't reach the server. Check your connection and try again.";
}

export function rateLimited(error: ApiError): string {
  const wait = error.retryAfterSeconds;
  return wait
    ? `Too many attempts. Try again in ${Math.ceil(wait / 60)} min.`
    : "Too many attempts. Please wait a little and try again.";
}
