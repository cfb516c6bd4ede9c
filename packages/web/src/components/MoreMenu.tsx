import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import styles from "./MoreMenu.module.css";

/**
 * A "…" button that shows a few more actions below it (a disclosure: Tab moves
 * through them, Escape or a click elsewhere closes it and focus goes back).
 */
export function MoreMenu({
  label,
  children,
  className,
}: {
  /** The button's accessible name, e.g. `More actions for "Will it rain?"`. */
  label: string;
  children: ReactNode;
  className?: string | undefined;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!wrap.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: delegation of Escape and focus-out from the button and the actions inside
    <div
      ref={wrap}
      className={`${styles.wrap} ${className ?? ""}`}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (!wrap.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={styles.trigger}
        aria-label={label}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((was) => !was)}
      >
        <span aria-hidden="true">…</span>
      </button>
      <div id={id} className={styles.panel} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
