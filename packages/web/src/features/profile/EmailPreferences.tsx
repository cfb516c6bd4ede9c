import { describeError } from "../../api/errors";
import type { PrivateProfile } from "../../api/sign-in";
import { useToast } from "../../components/Toast";
import { Card } from "../../components/ui";
import { useSetEmailPayouts } from "./mutations";
import styles from "./profile.module.css";

/** The profile's email preference: a payout email for every winning bet, off until turned on. */
export function EmailPreferences({ user }: { user: PrivateProfile }) {
  const toast = useToast();
  const save = useSetEmailPayouts({
    onSuccess: ({ user: saved }) =>
      toast(
        saved.emailPayouts
          ? `Saved: we'll email ${saved.email} when a bet pays out.`
          : "Saved: no more payout emails.",
        "success",
      ),
    onError: (error) => toast(`Not saved: ${describeError(error)}`, "error"),
  });
  return (
    <Card>
      <h2>Email</h2>
      <label className={styles.preference}>
        <input
          type="checkbox"
          name="emailPayouts"
          checked={user.emailPayouts}
          aria-describedby="email-payouts-hint"
          aria-busy={save.isPending}
          // Kept focusable while saving (a disabled box drops the keyboard's focus).
          onChange={(event) => {
            if (!save.isPending) save.mutate(event.target.checked);
          }}
        />
        <span>Email me when a bet pays out</span>
      </label>
      <p id="email-payouts-hint" className={styles.preferenceHint}>
        One email per winning bet, with the credits paid and a link to the bet, sent to {user.email}
        .
      </p>
    </Card>
  );
}
