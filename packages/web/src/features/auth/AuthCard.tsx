import type { ReactNode } from "react";
import styles from "./auth.module.css";

export function AuthCard({
  title,
  lead,
  children,
  foot,
}: {
  title: string;
  lead?: ReactNode;
  children: ReactNode;
  foot?: ReactNode;
}) {
  return (
    <div className={styles.wrap}>
      <div className={styles.card}>
        <h1>{title}</h1>
        {lead ? <p className={styles.lead}>{lead}</p> : null}
        {children}
        {foot ? <p className={styles.foot}>{foot}</p> : null}
      </div>
    </div>
  );
}

export { styles as authStyles };
