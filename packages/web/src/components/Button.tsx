import { type ButtonHTMLAttributes, forwardRef } from "react";
import styles from "./Button.module.css";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: "normal" | "small";
  block?: boolean;
  /** Shows a spinner and keeps the button from being pressed again. */
  busy?: boolean;
}

/** The one button: a real `<button>`, focus ring, busy state announced to screen readers. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = "primary", size = "normal", block, busy, className, children, disabled, ...rest },
  ref,
) {
  const classes = [
    styles.button,
    styles[variant],
    size === "small" ? styles.small : "",
    block ? styles.block : "",
    className ?? "",
  ].join(" ");
  return (
    <button
      ref={ref}
      type="button"
      className={classes}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy ? <span className={styles.spinner} aria-hidden="true" /> : null}
      {children}
    </button>
  );
});

/** Class names for a link styled as a button (router links stay links). */
export function buttonClass(
  variant: ButtonVariant = "primary",
  size: "normal" | "small" = "normal",
) {
  return [styles.button, styles[variant], size === "small" ? styles.small : ""].join(" ");
}
