import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Dialog } from "../../components/Dialog";
import { Input } from "../../components/Field";
import { formatPercent } from "../../lib/format";
import { marketQueries } from "../markets/queries";
import { GeneratePredictionButton } from "./GeneratePredictionButton";
import styles from "./recent.module.css";

const searchDelayMs = 250;

/** "New Prediction": find an open market, then Predict on it. */
export function MarketPicker({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [text]);
  const markets = useQuery({
    ...marketQueries.list({ status: "open", sort: "trending", limit: 6, ...(q ? { q } : {}) }),
    enabled: open,
  });

  return (
    <Dialog open={open} onClose={onClose} title="New prediction">
      <Input
        label="Find a market"
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="e.g. bitcoin"
        maxLength={200}
      />
      <ul className={styles.picker} aria-live="polite" aria-busy={markets.isFetching}>
        {markets.data?.markets.length === 0 ? <li>No open market matches.</li> : null}
        {markets.data?.markets.map((market) => (
          <li key={market.id} className={styles.pickerItem}>
            <span className={styles.pickerTitle}>
              {market.title}
              <span className={styles.muted}>
                {" "}
                · {market.thisOption} {formatPercent(market.thisOdds)}
              </span>
            </span>
            <GeneratePredictionButton
              marketId={market.id}
              surface="recent_predictions"
              label="Predict"
              size="small"
              ariaLabel={`Predict: ${market.title}`}
            />
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
