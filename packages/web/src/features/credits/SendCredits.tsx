import { type FormEvent, useState } from "react";
import { describeError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Input } from "../../components/Field";
import { useToast } from "../../components/Toast";
import { Alert, Card } from "../../components/ui";
import { formatCredits } from "../../lib/format";
import styles from "./credits.module.css";
import { useSendCredits } from "./mutations";

/** "Send credits" on another user's public profile. */
export function SendCredits({ username }: { username: string }) {
  const [amount, setAmount] = useState("");
  const [note, setNote] = useState("");
  const send = useSendCredits();
  const toast = useToast();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(
      { toUsername: username, amount: Number(amount), ...(note.trim() ? { note } : {}) },
      {
        onSuccess: (sent) => {
          toast(`Sent ${formatCredits(sent.amount)} to ${username}.`, "success");
          setAmount("");
          setNote("");
        },
      },
    );
  };
  return (
    <Card>
      <h2>Send credits</h2>
      <form className={styles.send} onSubmit={submit}>
        <Input
          label="Amount"
          inputMode="decimal"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          required
        />
        <Input
          label="Note (optional)"
          value={note}
          maxLength={200}
          onChange={(event) => setNote(event.target.value)}
        />
        {send.isError ? <Alert tone="error">{describeError(send.error)}</Alert> : null}
        <Button type="submit" busy={send.isPending}>
          Send credits
        </Button>
      </form>
    </Card>
  );
}
