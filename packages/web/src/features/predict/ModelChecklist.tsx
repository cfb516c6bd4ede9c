import { formatCredits } from "../../lib/format";
import styles from "./predict.module.css";
import type { PredictionModel } from "./queries";

/** Checkboxes of the models, each with its cost and what it does; at most `max` picked. */
export function ModelChecklist({
  models,
  picked,
  max,
  free,
  onChange,
}: {
  models: PredictionModel[];
  picked: string[];
  max: number;
  free: boolean;
  onChange: (picked: string[]) => void;
}) {
  const full = picked.length >= max;
  function toggle(id: string, on: boolean) {
    // Keep the list's order, so the session runs them as listed.
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    onChange(models.filter((model) => next.has(model.id)).map((model) => model.id));
  }
  return (
    <fieldset className={styles.models}>
      <legend>
        Models <span className={styles.muted}>(pick 1 to {Math.min(max, models.length)})</span>
      </legend>
      {models.map((model) => {
        const checked = picked.includes(model.id);
        const disabled = !model.available || (full && !checked);
        return (
          <label
            key={model.id}
            className={`${styles.model} ${checked ? styles.modelPicked : ""} ${disabled ? styles.modelDisabled : ""}`}
          >
            <input
              type="checkbox"
              name="models"
              value={model.id}
              checked={checked}
              disabled={disabled}
              onChange={(event) => toggle(model.id, event.target.checked)}
            />
            <span className={styles.modelText}>
              <span className={styles.modelName}>{model.name}</span>
              <span className={styles.modelDescription}>
                {model.available ? model.description : "Unavailable right now."}
              </span>
            </span>
            <span className={styles.modelCost}>
              {free ? "Free" : formatCredits(model.creditCost)}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
