import { type FormEvent, useState } from "react";
import { Button } from "../../components/Button";
import { Input, TextArea } from "../../components/Field";
import { Alert } from "../../components/ui";
import { fieldErrorsOf } from "../../lib/fieldErrors";
import type { Market } from "../markets/queries";
import styles from "./admin.module.css";
import { useCreateMarket } from "./mutations";

interface Draft {
  title: string;
  description: string;
  thisOption: string;
  thatOption: string;
  thisPercent: string;
  category: string;
  expiresAt: string;
}

const empty: Draft = {
  title: "",
  description: "",
  thisOption: "Yes",
  thatOption: "No",
  thisPercent: "50",
  category: "",
  expiresAt: "",
};

/** The form's own checks, the API's rules (it checks again): field → message. */
function problems(draft: Draft, now: number): Partial<Record<keyof Draft, string>> {
  const found: Partial<Record<keyof Draft, string>> = {};
  const title = draft.title.trim();
  if (title.length < 5 || title.length > 300) found.title = "Use 5 to 300 characters.";
  if (!draft.thisOption.trim()) found.thisOption = "Name the first option.";
  if (!draft.thatOption.trim()) found.thatOption = "Name the second option.";
  if (
    draft.thisOption.trim() &&
    draft.thisOption.trim().toLowerCase() === draft.thatOption.trim().toLowerCase()
  ) {
    found.thatOption = "The two options must differ.";
  }
  const percent = Number(draft.thisPercent);
  if (!Number.isFinite(percent) || percent < 1 || percent > 99 || draft.thisPercent.trim() === "")
    found.thisPercent = "Enter a chance from 1 to 99 (%).";
  const ends = Date.parse(draft.expiresAt);
  if (!draft.expiresAt) found.expiresAt = "Pick when the market ends.";
  else if (!Number.isFinite(ends) || ends <= now)
    found.expiresAt = "The end must be in the future.";
  return found;
}

/** Create a credits market: title, options, starting odds, end date; checked before sending. */
export function CreateMarketForm({
  onCreated,
  onCancel,
}: {
  onCreated: (market: Market) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(empty);
  const [tried, setTried] = useState(false);
  const create = useCreateMarket({
    onSuccess: (market) => {
      setDraft(empty);
      setTried(false);
      onCreated(market);
    },
  });

  const local = problems(draft, Date.now());
  const server = fieldErrorsOf(create.error);
  const shown = (field: keyof Draft, apiField: string = field) =>
    (tried ? local[field] : undefined) ?? server[apiField];
  const set = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft((was) => ({ ...was, [field]: event.target.value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (Object.keys(local).length > 0 || create.isPending) return;
    const thisOdds = Math.round(Number(draft.thisPercent) * 100) / 10_000;
    create.mutate({
      title: draft.title.trim(),
      description: draft.description.trim(),
      thisOption: draft.thisOption.trim(),
      thatOption: draft.thatOption.trim(),
      thisOdds,
      thatOdds: Math.round((1 - thisOdds) * 10_000) / 10_000,
      ...(draft.category.trim() ? { category: draft.category.trim() } : {}),
      expiresAt: new Date(draft.expiresAt).toISOString(),
    });
  }

  const percent = Number(draft.thisPercent);
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Create a market">
      {create.isError && Object.keys(server).length === 0 ? (
        <Alert tone="error">Couldn't create the market: {create.error.message}</Alert>
      ) : null}
      <Input label="Title" value={draft.title} onChange={set("title")} error={shown("title")} />
      <TextArea
        label="Description (optional)"
        value={draft.description}
        onChange={set("description")}
        maxLength={5000}
        error={shown("description")}
      />
      <div className={styles.formRow}>
        <Input
          label="First option"
          value={draft.thisOption}
          onChange={set("thisOption")}
          error={shown("thisOption")}
        />
        <Input
          label="Second option"
          value={draft.thatOption}
          onChange={set("thatOption")}
          error={shown("thatOption")}
        />
      </div>
      <div className={styles.formRow}>
        <Input
          label="Chance of the first option (%)"
          type="number"
          inputMode="decimal"
          min={1}
          max={99}
          value={draft.thisPercent}
          onChange={set("thisPercent")}
          error={shown("thisPercent", "thisOdds")}
          hint={
            Number.isFinite(percent) && percent > 0 && percent < 100
              ? `The second option starts at ${Math.round((100 - percent) * 100) / 100}%.`
              : undefined
          }
        />
        <Input
          label="Category (optional)"
          value={draft.category}
          onChange={set("category")}
          maxLength={100}
        />
      </div>
      <Input
        label="Ends at"
        type="datetime-local"
        value={draft.expiresAt}
        onChange={set("expiresAt")}
        error={shown("expiresAt")}
      />
      <div className={styles.actions}>
        <Button type="submit" busy={create.isPending}>
          Create market
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
