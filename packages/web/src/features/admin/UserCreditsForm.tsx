import { type FormEvent, useRef, useState } from "react";
import { ApiError, describeError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Input, Select } from "../../components/Field";
import { useToast } from "../../components/Toast";
import { Alert } from "../../components/ui";
import { fieldErrorsOf } from "../../lib/fieldErrors";
import { formatCredits, formatSigned } from "../../lib/format";
import styles from "./admin.module.css";
import { useMoveCredits } from "./mutations";

type CreditType = "admin_grant" | "admin_adjustment";
interface Movement {
  key: string;
  type: CreditType;
  amount: number;
  reason: string;
}

/** Why the amount can't be sent, or null. */
function amountProblem(raw: string, type: CreditType): string | null {
  const amount = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(amount) || amount === 0)
    return "Enter an amount other than 0.";
  if (type === "admin_grant" && amount < 0)
    return "A grant adds credits: use an adjustment to take.";
  if (Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6) return "Use at most two decimals.";
  return null;
}

/**
 * Grant credits or adjust the balance either way, with a reason (audited). One
 * Idempotency-Key per movement: sending the same one again never moves twice.
 */
export function UserCreditsForm({ userId }: { userId: string }) {
  const toast = useToast();
  const [type, setType] = useState<CreditType>("admin_grant");
  const [raw, setRaw] = useState("");
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const attempt = useRef<Movement | null>(null);
  const move = useMoveCredits(userId, {
    onSuccess: (result) => {
      attempt.current = null;
      setRaw("");
      setReason("");
      setTried(false);
      toast(
        `${formatSigned(result.transaction.amount)} credits: the balance is ${formatCredits(result.newBalance)}.`,
        "success",
      );
    },
    onError: (error) => {
      if (error instanceof ApiError) attempt.current = null;
    },
  });

  const problem = amountProblem(raw, type);
  const reasonProblem = reason.trim() ? null : "Say why (it goes into the audit trail).";
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (problem || reasonProblem || move.isPending) return;
    const amount = Number(raw);
    const previous = attempt.current;
    const same =
      previous &&
      previous.type === type &&
      previous.amount === amount &&
      previous.reason === reason.trim();
    const movement = same
      ? previous
      : { key: crypto.randomUUID(), type, amount, reason: reason.trim() };
    attempt.current = movement;
    move.mutate(movement);
  }

  const fields = fieldErrorsOf(move.error);
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Grant or adjust credits">
      <div className={styles.formRow}>
        <Select label="Kind" value={type} onChange={(e) => setType(e.target.value as CreditType)}>
          <option value="admin_grant">Grant (adds)</option>
          <option value="admin_adjustment">Adjustment (+ or −)</option>
        </Select>
        <Input
          label="Amount (credits)"
          type="number"
          inputMode="decimal"
          step="0.01"
          value={raw}
          onChange={(e) => setRaw(e.target.value)}
          error={(tried ? problem : null) ?? fields.amount}
        />
      </div>
      <Input
        label="Reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={200}
        error={(tried ? reasonProblem : null) ?? fields.reason}
      />
      {move.isError && !fields.amount && !fields.reason ? (
        <Alert tone="error">{creditErrorMessage(move.error)}</Alert>
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" busy={move.isPending}>
          {type === "admin_grant" ? "Grant credits" : "Adjust balance"}
        </Button>
      </div>
    </form>
  );
}

function creditErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "INSUFFICIENT_BALANCE") return "That would take the balance below 0.";
    if (error.code === "BALANCE_CAP_EXCEEDED") return "That would lift the balance over the cap.";
    if (error.code === "USER_NOT_FOUND") return "This user doesn't exist any more.";
  }
  return describeError(error);
}
