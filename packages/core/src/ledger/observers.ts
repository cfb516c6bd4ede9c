import type { LedgerPosting } from "./post";

type Listener = (posting: LedgerPosting) => void;
const listeners = new Set<Listener>();

/**
 * Registers a listener for every committed credit movement (not replays), for
 * logs and metrics outside core. Returns a function that removes it. A
 * listener's failure never fails the movement, which is already committed.
 */
export function onLedgerPosting(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyPosting(posting: LedgerPosting): void {
  for (const listener of listeners) {
    try {
      listener(posting);
    } catch {
      // Observability must not turn a committed movement into an error.
    }
  }
}
