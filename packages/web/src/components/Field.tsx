import {
  forwardRef,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";
import { fieldSentence } from "../lib/sentence";
import styles from "./Field.module.css";

interface FieldChrome {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Hide the label visually (it stays for screen readers). */
  hideLabel?: boolean;
  className?: string;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Chrome({
  id,
  label,
  hint,
  error,
  hideLabel,
  className,
  children,
}: FieldChrome & { id: string; children: ReactNode }) {
  return (
    <div className={`${styles.field} ${className ?? ""}`}>
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : styles.label}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={styles.error}>
          {fieldSentence(label, error)}
        </p>
      ) : null}
    </div>
  );
}

export type InputProps = FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, "className">;

/** A labelled input whose hint and error are tied to it (`aria-describedby`). */
export const Input = forwardRef<HTMLInputElement, InputProps>(function Input(
  { label, hint, error, hideLabel, className, id: givenId, ...rest },
  ref,
) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Chrome {...{ id, label, hint, error, hideLabel, className }}>
      <input
        ref={ref}
        id={id}
        className={styles.control}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </Chrome>
  );
});

export type SelectProps = FieldChrome & Omit<SelectHTMLAttributes<HTMLSelectElement>, "className">;

export function Select({
  label,
  hint,
  error,
  hideLabel,
  className,
  id: givenId,
  children,
  ...rest
}: SelectProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Chrome {...{ id, label, hint, error, hideLabel, className }}>
      <select
        id={id}
        className={styles.control}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      >
        {children}
      </select>
    </Chrome>
  );
}

export type TextAreaProps = FieldChrome &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "className">;

export function TextArea({
  label,
  hint,
  error,
  hideLabel,
  className,
  id: givenId,
  ...rest
}: TextAreaProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Chrome {...{ id, label, hint, error, hideLabel, className }}>
      <textarea
        id={id}
        className={`${styles.control} ${styles.textarea}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </Chrome>
  );
}
