import { ApiStatus } from "./ApiStatus";

/** The shell every page will live in: header with the balance, main content, status footer. */
export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <a className="brand" href="/">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          Credits Market
        </a>
        <p className="balance">
          <span className="balance-label">Balance</span>{" "}
          {/* Filled in once sign-in exists; until then there is no balance to show. */}
          <span className="balance-value" aria-hidden="true">
            —
          </span>
          <span className="visually-hidden">not signed in</span>
        </p>
      </header>
      <main id="main" className="content">
        <h1>Credits Market</h1>
        <p className="lead">
          Bet play-money credits on real-world questions, and ask AI models for a forecast before
          you do. Credits are never withdrawable.
        </p>
      </main>
      <footer className="site-footer">
        <ApiStatus />
      </footer>
    </>
  );
}
