/**
 * Generated from the API's OpenAPI document by `npm run generate:api -w @market/web`.
 * Do not edit by hand.
 */

export interface paths {
    "/api/v1/admin/analytics/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Credits issued and spent by ledger type, DAU, bets and sessions per UTC day
         * @description Summed from daily counters kept by the transactions that move credits (never a scan). Every day of the range is present, oldest first.
         */
        get: operations["getCreditAnalytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/analytics/predictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sessions per user per day; success, failure and Brier score per model */
        get: operations["getPredictionAnalytics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit trail of admin actions, newest first
         * @description Filter by `adminId`, `userId` and `type`; a filtered page may be short.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/credits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Grant credits to a user, or adjust a balance either way
         * @description `admin_grant` adds credits; `admin_adjustment` may be negative. An `Idempotency-Key` header makes a retried request return the first result.
         */
        post: operations["adjustCredits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/market-sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the Polymarket market sync now */
        post: operations["runMarketSync"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/ranking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the ranking job now (leaderboards, snapshots and ranks) */
        post: operations["runRanking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/rebuild-aggregates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set every leaderboard stat, day counter, week of credit flows and user's sessions of a day that drifted back to its recomputation */
        post: operations["runRebuildAggregates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/reconcile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check every user's ledger now (reads only) */
        post: operations["runReconcile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/resolution-poll": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close the markets past their end date, and re-check those that may have a result now */
        post: operations["runResolutionPoll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/session-sweep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund sessions stuck past the timeout now (the hourly sweeper) */
        post: operations["runSessionSweep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/markets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a credits market */
        post: operations["createMarket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/markets/{marketId}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve a market and settle its bets (once) */
        post: operations["resolveMarket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/markets/{marketId}/settle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start the settlement of a resolved market again
         * @description For a settlement that stopped (a crash, a local run that died with its process). Safe at any time: a bet already settled is never paid twice.
         */
        post: operations["restartSettlement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/markets/{marketId}/settlement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where a market's settlement stands: state, bets pending and settled
         * @description Before a resolve, `pendingBets` is what the resolve would settle; during the settlement it goes down as `settledBets` goes up.
         */
        get: operations["getSettlement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find users by email prefix or username prefix */
        get: operations["searchUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's full profile: balance, totals, plan and role */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set a user's plan and/or role (audited) */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/admin/users/{userId}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's ledger entries with their reasons, newest first */
        get: operations["listUserLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/email/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a new verification link (nothing when already verified) */
        post: operations["resendEmailVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/email/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify the account's email with the token of the emailed signed link */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the sign-in of the presented refresh token (its refresh and access tokens) */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every sign-in of the caller (this one included): all refresh and access tokens */
        post: operations["logoutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password; ends every sign-in (access and refresh tokens) */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with a reset token; signs out everywhere */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Email a reset link (the answer is the same whether the account exists or not) */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Trade a refresh token for a new pair (the old one stops working) */
        post: operations["refreshTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account (with the signup bonus) and sign in */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bet on one side at the market's current odds
         * @description Pays `amount / odds` if the side wins. An `Idempotency-Key` header makes a retried request return the first bet instead of placing another.
         */
        post: operations["placeBet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bets/{betId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of my bets */
        get: operations["getBet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bets/{betId}/cashout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A quote to cash a pending bet out at today's odds
         * @description The position's value less the cash-out fee, valid for a few seconds (`expiresAt`). Refused while the bet rate limit's window is full.
         */
        get: operations["quoteCashout"];
        put?: never;
        /**
         * Cash a pending bet out for a quote's amount
         * @description Credits exactly the quoted amount (up to the balance cap) and closes the bet as `cashed_out`. A retry with the same `quoteId` answers with the first result.
         */
        post: operations["cashOutBet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bets/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My bets, newest first
         * @description `total` counts my bets of the status asked for (all without one).
         */
        get: operations["listMyBets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The settings clients show: bet limits, rewards, the low-credit threshold, session polling */
        get: operations["getConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credits/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a Stripe Checkout page for one package
         * @description Send the browser to `url`. The credits arrive with Stripe's `checkout.session.completed` webhook; Checkout returns to `/credits/success` or `/credits/failure`.
         */
        post: operations["startCreditCheckout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credits/packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The credit packages on sale
         * @description `enabled` is false when this server has no Stripe keys: the packages are listed, and `POST /credits/checkout` answers 503 `PURCHASES_DISABLED`.
         */
        get: operations["listCreditPackages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credits/purchases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My credit purchases, newest first (the last 100) */
        get: operations["listMyPurchases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credits/stripe-webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe's webhook (signed events; not for clients)
         * @description The raw body is verified against `Stripe-Signature` with `STRIPE_WEBHOOK_SECRET`. `checkout.session.completed` (paid) grants a purchase once; `charge.refunded` takes the refunded credits back, down to 0 at most. Other events are acknowledged.
         */
        post: operations["receiveStripeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dev/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Emails the local outbox holds, newest first (local runs only, admins only) */
        get: operations["listOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an analytics event from the web app (a structured log line and a metric)
         * @description Anonymous or signed in (a sent token must be valid). Limited per user, or per client IP when anonymous (`EVENTS_PER_MINUTE`). Nothing is stored in the table.
         */
        post: operations["recordEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and table reachability */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leaderboard/pnl": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users by realised profit and loss
         * @description Read from the snapshot the ranking job keeps (every 15 minutes and after each settlement). Ties share a rank and are ordered by username.
         */
        get: operations["rankByPnl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leaderboard/volume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users by volume bet
         * @description Read from the snapshot the ranking job keeps (every 15 minutes and after each settlement). Ties share a rank and are ordered by username.
         */
        get: operations["rankByVolume"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/markets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Markets, filtered, searched and sorted
         * @description `total` counts every market the filters match (with `q`, the matches found so far: exact on the last page). `offset` is bounded; `nextCursor` is the fast way on.
         */
        get: operations["listMarkets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/markets/{marketId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One market */
        get: operations["getMarket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/markets/{marketId}/odds-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the market's odds moved, oldest first
         * @description Without `range`, the latest 500 snapshots. With `range` (`1d`, `1w`, `1m`, `all`), the span up to now in at most 300 points (the last of each equal time slice); a span where the odds did not move starts with the odds of its start.
         */
        get: operations["getOddsHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notifications, newest first, with the unread count
         * @description Bets won, lost, cancelled or cashed out (a bet's settlement is also how its market's resolution is told), prediction refunds, admin grants and adjustments with their reason, low credits. `dailyRewardReady` is computed on read, never stored.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark notifications read: the ids given, or all
         * @description Ids that are not mine, do not exist or are read already change nothing. Repeating a request changes nothing more.
         */
        post: operations["markNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/predictions/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The models a session can use, with their credit cost */
        get: operations["listModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/predictions/models/scores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each model's record on resolved markets: Brier score, success rate, calibration, skill against the market */
        get: operations["listModelScores"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/predictions/quota": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many sessions I may still start this hour and today, and when each resets */
        get: operations["getPredictionQuota"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/predictions/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My recent sessions (last 24 h by default), for “View last run” and “Predict again” */
        get: operations["listPredictionSessions"];
        put?: never;
        /**
         * Start a session: charge the credits and run the selected models
         * @description Costs the sum of the models' credit costs (nothing on the unlimited plan). If the session fails in any way, the credits come back once. `Idempotency-Key` makes a retried start return the first session.
         */
        post: operations["startPredictionSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/predictions/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A session's progress and, when done, its predictions (poll this) */
        get: operations["getPredictionSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim the daily reward (once per rolling 24 hours)
         * @description Grants `DAILY_REWARD` credits. A claim within 48 h of the previous one continues the streak. The body, if any, is ignored.
         */
        post: operations["claimDailyReward"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rewards/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My daily reward claims, newest first */
        get: operations["listRewardHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transactions/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My ledger entries, newest first
         * @description `total` counts my entries of the `type` asked for (all without one). `purchase` lists credits bought through Stripe Checkout (`/credits/checkout`).
         */
        get: operations["listMyTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send credits to another user
         * @description The sender's `transfer_out` and the receiver's `transfer_in` are one transaction. Amounts from `TRANSFER_MIN` up to `TRANSFER_MAX_PER_DAY` in total per UTC day; accounts younger than `TRANSFER_MIN_ACCOUNT_AGE_HOURS` cannot send. An `Idempotency-Key` header makes a retried request return the first transfer.
         */
        post: operations["sendCredits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's public profile (the private one when it is you) */
        get: operations["getUserProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{userId}/portfolio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's open positions at today's odds, with their totals (not their balance) */
        get: operations["getUserPortfolio"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My profile, with balance */
        get: operations["getMyProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change my username (the only field that can change here)
         * @description Every field is optional: `{}` changes nothing and answers the profile.
         */
        patch: operations["updateMyProfile"];
        trace?: never;
    };
    "/api/v1/users/me/credit-flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where my credits went: credits in and out per ledger type, week by week
         * @description The `weeks` newest ISO weeks up to this one, oldest first, from counters the stream consumer keeps: a movement shows once the consumer has read it (seconds).
         */
        get: operations["getMyCreditFlows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/portfolio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My open positions at today's odds, with my balance, totals and their history
         * @description Each pending bet valued at today's odds of its side (potentialPayout × odds), newest first; `totals` adds them up beside the PnL already realized, and `total` is the balance plus the positions' value. `history` is that total over `range` (default `1w`), computed from the ledger and the odds history.
         */
        get: operations["getMyPortfolio"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set my preferences: an email when a bet pays out (off by default)
         * @description `emailPayouts`: when one of my bets wins, email me the credits paid with a link to the bet (at most once per bet). Every field is required; anything else is refused.
         */
        put: operations["updateMyPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/referral": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My referral code and link, and what they brought
         * @description Whoever registers with the code, and I, each get `REFERRAL_BONUS` credits once their first bet settles, for at most `REFERRAL_MAX_PER_MONTH` referrals a month.
         */
        get: operations["getMyReferral"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AdminUser: components["schemas"]["PrivateProfile"] & {
            ledgerEntries: number;
            /** Format: date-time */
            updatedAt: string;
        };
        /** @description Leaderboard stats, day counters and users' weekly credit flows compared with their recomputation from the ledger and the bets */
        AggregateReport: {
            checked: {
                days: number;
                /** @description Users' weeks of credit flows */
                flows: number;
                /** @description Users' prediction sessions of a day */
                sessions: number;
                stats: number;
            };
            differences: {
                actual: number;
                expected: number;
                field: string;
                /** @example stat#01JF…#all */
                key: string;
            }[];
        };
        AuditEvent: {
            adminId: string;
            amount: number | null;
            balanceAfter: number | null;
            balanceBefore: number | null;
            /** Format: date-time */
            createdAt: string;
            from: string | null;
            id: string;
            reason: string;
            /** @description Market and job events: the market id or the job's name */
            subjectId: string | null;
            to: string | null;
            /** @enum {string} */
            type: "admin_grant" | "admin_adjustment" | "plan_change" | "role_change" | "market_create" | "market_resolve" | "market_settle" | "job_run";
            /** @description The user acted on; empty for market and job events */
            userId: string;
        };
        Bet: {
            actualPayout: number | null;
            amount: number;
            /** @description What a cash-out credited; null unless cashed_out */
            cashoutAmount: number | null;
            /** @description A pending bet's worth at today's odds: potentialPayout × today's odds of its side (null once settled, or without odds) */
            currentValue: number | null;
            id: string;
            market: {
                id: string;
                thatOption: string;
                thisOption: string;
                title: string;
            };
            marketId: string;
            oddsAtBet: number;
            placedAt: string;
            potentialPayout: number;
            resolvedAt: string | null;
            /** @enum {string} */
            side: "this" | "that";
            /** @enum {string} */
            status: "pending" | "won" | "lost" | "cancelled" | "cashed_out";
            /** @description currentValue − amount, for a pending bet; null otherwise */
            unrealizedPnL: number | null;
            userId: string;
        };
        BoardStanding: {
            /** @description The user bet or was settled since their last ranking: the next run (every RANKING_INTERVAL_SECONDS, and after each settlement) moves them */
            pending: boolean;
            /** @description The user's row on the all-time PnL board as it shows it; null when not on it */
            pnl: {
                overallPnL: number;
                rank: number;
                totalVolume: number;
            } | null;
            /** @description When the ranking job last rebuilt the all-time boards; null before any run */
            updatedAt: string | null;
            /** @description The user's row on the all-time volume board as it shows it; null when not on it */
            volume: {
                overallPnL: number;
                rank: number;
                totalVolume: number;
            } | null;
        };
        CashoutQuote: {
            /** @description Credits the cash-out pays: value less the fee */
            amount: number;
            expiresAt: string;
            /** @description The fee as a fraction of the value (CASHOUT_FEE) */
            fee: number;
            /** @description Today's odds of the bet's side */
            odds: number;
            /** @description The realized profit or loss it locks in: amount − stake */
            pnl: number;
            /** @description Send back to cash out; a signed token */
            quoteId: string;
            /** @description The position's value before the fee */
            value: number;
        };
        CreditFlows: {
            weeks: components["schemas"]["CreditFlowWeek"][];
        };
        CreditFlowWeek: {
            /** @description The ledger types that moved credits that week */
            byType: {
                in: number;
                /** @description Positive */
                out: number;
                /** @enum {string} */
                type: "signup_bonus" | "daily_reward" | "bet_placed" | "bet_payout" | "bet_refund" | "bet_cashout" | "prediction_charge" | "prediction_refund" | "admin_grant" | "admin_adjustment" | "migration_grant" | "purchase" | "purchase_refund" | "transfer_out" | "transfer_in" | "referral_bonus" | "expiration";
            }[];
            /** @description Credits into the account that week */
            in: number;
            /** @description Credits out of the account that week (positive) */
            out: number;
            /**
             * Format: date
             * @description Its Monday (UTC)
             */
            startsOn: string;
            /**
             * @description ISO week
             * @example 2026-W49
             */
            week: string;
        };
        CreditPackage: {
            credits: number;
            /** @enum {string} */
            currency: "usd";
            id: string;
            /** @description In US dollars, e.g. 5 for $5.00 */
            price: number;
        };
        DailyReward: {
            /** Format: date-time */
            claimedAt: string;
            creditsAwarded: number;
            id: string;
            streak: number;
        };
        Error: {
            /** @example INSUFFICIENT_BALANCE */
            code: string;
            details?: {
                [key: string]: unknown;
            };
            /** @example Insufficient credit balance */
            error: string;
            /** @example 402 */
            statusCode: number;
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            table: {
                name: string;
                status: string;
            };
            /** Format: date-time */
            time: string;
        };
        LeaderboardRow: {
            overallPnL: number;
            /** @description Standard competition rank: 1, 2, 2, 4 */
            rank: number;
            totalVolume: number;
            user: {
                id: string;
                username: string;
            };
        };
        Market: {
            bettable: boolean;
            category: string | null;
            description: string;
            expiresAt: string | null;
            id: string;
            liquidity: number;
            /** @enum {string} */
            marketType: "polymarket" | "credits";
            /** @description When the odds were last written (each sync that brings them, or an admin's save); null before any */
            oddsUpdatedAt: string | null;
            /** @enum {string|null} */
            resolution: "this" | "that" | "invalid" | null;
            resolvedAt: string | null;
            /** @enum {string} */
            status: "open" | "closed" | "resolved" | "cancelled";
            /** @example 0.35 */
            thatOdds: number | null;
            thatOption: string;
            /** @example 0.65 */
            thisOdds: number | null;
            thisOption: string;
            title: string;
            volume: number;
            volume24h: number;
            /** @description The option that won, by name (thisOption or thatOption), once resolved; null before and for an invalid result */
            winningOption: string | null;
        };
        Message: {
            message: string;
        };
        ModelScore: {
            /** @description Mean Brier score (p − y)² of those: 0 is perfect, 0.25 a coin toss */
            brierScore: number | null;
            /** @description 10 buckets of the probability given to the market's first option: [0, 0.1) … [0.9, 1.0]; observedFrequency is the share of the bucket's forecasts whose market resolved that way */
            calibration: {
                forecasts: number;
                lower: number;
                meanPredicted: number | null;
                observedFrequency: number | null;
                upper: number;
            }[];
            /** @description Forecasts scored on resolved markets (invalid results score none) */
            forecasts: number;
            modelId: string;
            name: string;
            /** @description Model runs that ended (succeeded or failed) */
            runs: number;
            skill: components["schemas"]["ModelSkill"];
            successRate: number | null;
        };
        ModelSkill: {
            /** @description The model's mean Brier score on them */
            brierScore: number | null;
            byCategory: {
                /** @description The model's mean Brier score on them */
                brierScore: number | null;
                category: string;
                categoryKey: string;
                /** @description Scored forecasts that kept the market's probability at the time (the sample size) */
                forecasts: number;
                /** @description 95% interval of the skill score; null under 2 forecasts */
                interval: {
                    lower: number;
                    upper: number;
                } | null;
                /** @description The market's mean Brier score on the same forecasts (its mirrored odds then) */
                marketBrierScore: number | null;
                /** @description Brier skill score 1 − model/market: above 0 beats the market, below 0 trails it */
                skillScore: number | null;
                /** @description The verdict as a sentence ("Odds momentum has done worse than the market on 40 forecasts on resolved markets.") */
                summary: string;
                /**
                 * @description better / worse: the interval excludes 0 with at least SKILL_MIN_FORECASTS forecasts; level: it does not; too_few: not enough yet
                 * @enum {string}
                 */
                verdict: "better" | "worse" | "level" | "too_few";
            }[];
            /** @description Scored forecasts that kept the market's probability at the time (the sample size) */
            forecasts: number;
            /** @description 95% interval of the skill score; null under 2 forecasts */
            interval: {
                lower: number;
                upper: number;
            } | null;
            /** @description The market's mean Brier score on the same forecasts (its mirrored odds then) */
            marketBrierScore: number | null;
            /** @description Brier skill score 1 − model/market: above 0 beats the market, below 0 trails it */
            skillScore: number | null;
            /** @description The verdict as a sentence ("Odds momentum has done worse than the market on 40 forecasts on resolved markets.") */
            summary: string;
            /**
             * @description better / worse: the interval excludes 0 with at least SKILL_MIN_FORECASTS forecasts; level: it does not; too_few: not enough yet
             * @enum {string}
             */
            verdict: "better" | "worse" | "level" | "too_few";
        };
        Notification: {
            /** @description Credits the event moved, if any */
            amount: number | null;
            /** @description Links to /bets/{betId} */
            betId: string | null;
            body: string;
            /** Format: date-time */
            createdAt: string;
            id: string;
            /** @enum {string} */
            kind: "bet_won" | "bet_lost" | "bet_cancelled" | "bet_cashed_out" | "session_refunded" | "admin_grant" | "admin_adjustment" | "low_credits" | "transfer_in" | "purchase" | "credits_expiring" | "market_closed";
            marketId: string | null;
            read: boolean;
            /** @description A prediction session of `marketId` */
            sessionId: string | null;
            title: string;
        };
        OutboxEmail: {
            id: string;
            sentAt: string;
            subject: string;
            text: string;
            to: string;
        };
        Portfolio: {
            balance: number;
            /** @description The total over `range`, oldest first, at most 120 points (1w: every 6 hours; 1m: daily; all: daily from signup, or weekly); the last point is now */
            history: components["schemas"]["PortfolioPoint"][];
            /** @description Open positions, newest first */
            positions: components["schemas"]["Position"][];
            /**
             * @description The span `history` covers
             * @enum {string}
             */
            range: "1w" | "1m" | "all";
            /** @description balance + totals.currentValue */
            total: number;
            totals: components["schemas"]["PortfolioTotals"];
            /** @description More than 500 open positions: the list and totals cover the newest */
            truncated: boolean;
        };
        PortfolioPoint: {
            /** Format: date-time */
            at: string;
            /** @description The balance then (the ledger's balance after) */
            balance: number;
            /** @description The positions open then, each valued at the odds of its side then (its stake without odds) */
            positions: number;
            /** @description balance + positions */
            total: number;
        };
        PortfolioTotals: {
            /** @description Their worth at today's odds (a position without odds counts at its stake) */
            currentValue: number;
            /** @description The stakes of the open positions */
            invested: number;
            /** @description Profit or loss locked in by settled bets and cash-outs */
            realizedPnL: number;
            /** @description currentValue − invested */
            unrealizedPnL: number;
        };
        Position: components["schemas"]["Bet"] & {
            /** @description Today's odds of the bet's side; null while its market is being settled */
            currentOdds: number | null;
        };
        PredictionModel: {
            available: boolean;
            creditCost: number;
            description: string;
            id: string;
            name: string;
            /** @enum {string} */
            provider: "local" | "openai-compatible" | "bedrock";
        };
        PredictionSession: {
            charged: number;
            completedAt: string | null;
            createdAt: string;
            error: string | null;
            marketId: string;
            marketTitle: string;
            models: {
                attempts: number;
                error: string | null;
                modelId: string;
                /** @enum {string} */
                state: "queued" | "running" | "completed" | "failed";
            }[];
            predictions: {
                brierScore: number | null;
                confidence: number;
                keyFactors: string[];
                latencyMs: number | null;
                /** @description The market's Brier score on the same outcome, once resolved (null before, or without marketProbability) */
                marketBrierScore: number | null;
                /** @description The market's own probability of its first option when the model was asked (mirrored odds, normalised); null on older forecasts */
                marketProbability: number | null;
                /** @description How the model works, technical terms allowed: for a "How this model works" disclosure. null when the model gave none */
                method: string | null;
                modelId: string;
                /** @enum {string} */
                outcome: "this" | "that";
                probability: number;
                /** @description Why, in plain language a newcomer understands (the options by name) */
                reasoning: string;
            }[];
            refunded: boolean;
            selectedModels: string[];
            sessionId: string;
            /** @enum {string} */
            status: "initializing" | "researching" | "generating" | "finished" | "error";
            step: string;
        };
        PrivateProfile: components["schemas"]["PublicProfile"] & {
            /** Format: date-time */
            createdAt: string;
            creditBalance: number;
            currentStreak: number;
            email: string;
            /** @description Email me when a bet pays out (PUT /users/me/preferences) */
            emailPayouts: boolean;
            emailVerified: boolean;
            lastDailyRewardAt: string | null;
            longestStreak: number;
            lowCredits: boolean;
            /** @enum {string} */
            plan: "free" | "unlimited";
            /** @enum {string} */
            role: "user" | "admin";
            totalCreditsEarned: number;
            totalCreditsSpent: number;
        };
        PublicConfig: {
            /** @example 1000000 */
            balanceCap: number;
            /** @example 100 */
            dailyReward: number;
            /**
             * @description How long after a claim the next daily reward can be claimed (rolling)
             * @example 86400000
             */
            dailyRewardIntervalMs: number;
            /**
             * @description A balance falling below this leaves a low-credits notification
             * @example 5
             */
            lowCreditNotice: number;
            /**
             * @description Below this balance the app warns
             * @example 10
             */
            lowCreditWarning: number;
            /** @example 10000 */
            maxBet: number;
            /** @example 5 */
            maxModelsPerSession: number;
            /** @example 10 */
            minBet: number;
            /** @example 1 */
            modelCreditCost: number;
            /**
             * @description How often to re-read the unread notifications
             * @example 30000
             */
            notificationPollMs: number;
            /**
             * @description How often to re-read a running session
             * @example 12000
             */
            sessionPollMs: number;
            /** @example 1000 */
            signupBonus: number;
        };
        PublicPortfolio: {
            /** @description Open positions, newest first */
            positions: components["schemas"]["Position"][];
            /** @description Their latest settled or cashed-out bets (up to 10, from their 30 newest bets), newest first */
            recentResults: components["schemas"]["Bet"][];
            totals: components["schemas"]["PortfolioTotals"];
            /** @description More than 500 open positions: the list and totals cover the newest */
            truncated: boolean;
        };
        PublicProfile: {
            id: string;
            /**
             * Format: date-time
             * @description When the account was opened
             */
            joinedAt: string;
            overallPnL: number;
            rankByPnL: number | null;
            rankByVolume: number | null;
            /** @description Bets by outcome; `open` are placed and not settled yet */
            record: {
                cancelled: number;
                lost: number;
                open: number;
                won: number;
            };
            totalVolume: number;
            username: string;
        };
        Purchase: {
            /** Format: date-time */
            createdAt: string;
            credits: number;
            currency: string;
            /** @description The Stripe Checkout Session id */
            id: string;
            packageId: string;
            /** Format: date-time */
            paidAt: string | null;
            price: number;
            /** @description Credits refunds called back so far */
            refundedCredits: number;
            /** @enum {string} */
            status: "pending" | "paid" | "refunded";
        };
        RateLimitStanding: {
            limit: number;
            remaining: number;
            /** Format: date-time */
            resetAt: string;
            used: number;
        };
        ReconcileReport: {
            derived: components["schemas"]["AggregateReport"];
            differences: {
                betId?: string;
                detail: string;
                kind: string;
                seq?: number;
                userId: string;
            }[];
            finishedAt: string;
            scanned: {
                bets: number;
                entries: number;
                items: number;
                users: number;
            };
            startedAt: string;
            untrackedTotals: number;
        };
        Referral: {
            code: string;
            creditsEarned: number;
            /** Format: uri */
            link: string;
            /** @description Users who registered with it */
            referred: number;
        };
        SettlementProgress: {
            finishedAt: string | null;
            marketId: string;
            pendingBets: number;
            /** @enum {string|null} */
            resolution: "this" | "that" | "invalid" | null;
            settledBets: number | null;
            /** @enum {string} */
            settlement: "none" | "pending" | "running" | "done";
            startedAt: string | null;
            /** @enum {string} */
            status: "open" | "closed" | "resolved" | "cancelled";
        };
        SignIn: components["schemas"]["TokenPair"] & {
            user: components["schemas"]["PrivateProfile"];
        };
        SyncReport: {
            failed: number;
            fetched: number;
            /** @description Markets whose price history was copied this run */
            historyBackfilled: number;
            /** @description Markets whose history copy failed (tried again next run) */
            historyFailed: number;
            needsReview: number;
            resolved: number;
            skipped: number;
            skippedReasons: {
                [key: string]: number;
            };
            unchanged: number;
            upserted: number;
        };
        TokenPair: {
            accessToken: string;
            refreshToken: string;
        };
        Transaction: {
            /** @example -100 */
            amount: number;
            balanceAfter: number;
            /** Format: date-time */
            createdAt: string;
            forfeited: number;
            id: string;
            /** @description The market a bet or prediction entry is about; null on entries written before it was kept */
            marketId: string | null;
            reason: string;
            referenceId: string | null;
            /**
             * @description What referenceId names, to link the row: bet → /bets/{referenceId}; prediction_session → the session (with marketId); daily_reward, account, admin; null when there is nothing to open
             * @enum {string|null}
             */
            referenceType: "bet" | "prediction_session" | "daily_reward" | "account" | "admin" | "purchase" | "transfer" | null;
            /** @enum {string} */
            transactionType: "signup_bonus" | "daily_reward" | "bet_placed" | "bet_payout" | "bet_refund" | "bet_cashout" | "prediction_charge" | "prediction_refund" | "admin_grant" | "admin_adjustment" | "migration_grant" | "purchase" | "purchase_refund" | "transfer_out" | "transfer_in" | "referral_bonus" | "expiration";
        };
        Transfer: {
            amount: number;
            /** Format: date-time */
            createdAt: string;
            /** @description The sender's ledger entry id */
            id: string;
            /** @description The sender's balance after the gift */
            newBalance: number;
            note: string | null;
            to: {
                id: string;
                username: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getCreditAnalytics: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Credit analytics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        days: {
                            /** @description Distinct users with a credit movement or a signed-in request */
                            activeUsers: number;
                            averageBet: number | null;
                            bets: number;
                            betVolume: number;
                            /** @example 2026-06-17 */
                            date: string;
                            /** @description Credits in, by ledger type */
                            issued: {
                                [key: string]: number;
                            };
                            issuedTotal: number;
                            sessions: number;
                            sessionsFailed: number;
                            /** @description Credits out (positive), by ledger type */
                            spent: {
                                [key: string]: number;
                            };
                            spentTotal: number;
                        }[];
                    };
                };
            };
            /** @description Invalid query: days must be a whole number from 1 to 90 */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPredictionAnalytics: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Analytics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Every day of the range, oldest first, for every model */
                        modelOutcomesPerDay: {
                            date: string;
                            failures: number;
                            modelId: string;
                            successes: number;
                        }[];
                        models: {
                            averageLatencyMs: number | null;
                            failureRate: number | null;
                            failures: number;
                            meanBrierScore: number | null;
                            modelId: string;
                            name: string;
                            runs: number;
                            scoredPredictions: number;
                            successes: number;
                            successRate: number | null;
                        }[];
                        sessionsPerUserPerDay: {
                            day: string;
                            sessions: number;
                            userId: string;
                        }[];
                    };
                };
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                adminId?: string;
                cursor?: string;
                limit?: number;
                type?: "admin_grant" | "admin_adjustment" | "plan_change" | "role_change" | "market_create" | "market_resolve" | "market_settle" | "job_run";
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: components["schemas"]["AuditEvent"][];
                        limit: number;
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    adjustCredits: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount: number;
                    reason: string;
                    /** @enum {string} */
                    type: "admin_grant" | "admin_adjustment";
                    userId: string;
                };
            };
        };
        responses: {
            /** @description The ledger entry written (or the first one, on a replay) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        newBalance: number;
                        transaction: components["schemas"]["Transaction"];
                    };
                };
            };
            /** @description Invalid body or amount */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INSUFFICIENT_BALANCE for a negative adjustment */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description BALANCE_CAP_EXCEEDED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    runMarketSync: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the run did */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncReport"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description POLYMARKET_UNAVAILABLE: stored markets are still served */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    runRanking: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the run changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        boardsRebuilt: number;
                        changedUsers: number;
                        durationMs: number;
                        ranksWritten: number;
                        writes: number;
                    };
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    runRebuildAggregates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was rewritten */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        daysRewritten: number;
                        flowsRewritten: number;
                        sessionsRewritten: number;
                        statsRewritten: number;
                    };
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    runReconcile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts and every difference found */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconcileReport"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    runResolutionPoll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the run did (`closed`: open markets moved to closed at their end date) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SyncReport"] & {
                        checked: number;
                        closed: number;
                    };
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description POLYMARKET_UNAVAILABLE */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    runSessionSweep: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the sweep found and did */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        found: number;
                        outcomes: {
                            [key: string]: number;
                        };
                    };
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createMarket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    category?: string;
                    /** @default  */
                    description?: string;
                    /** Format: date-time */
                    expiresAt: string;
                    reason?: string;
                    thatOdds: number;
                    thatOption: string;
                    thisOdds: number;
                    thisOption: string;
                    title: string;
                };
            };
        };
        responses: {
            /** @description The market */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Market"];
                };
            };
            /** @description Invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resolveMarket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                marketId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                    /** @enum {string} */
                    resolution: "this" | "that" | "invalid";
                };
            };
        };
        responses: {
            /** @description Resolved; settlement started */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        market: components["schemas"]["Market"];
                        settlement: {
                            executionName: string;
                        };
                    };
                };
            };
            /** @description Invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description MARKET_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description MARKET_ALREADY_RESOLVED: nothing is paid again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    restartSettlement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                marketId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Settlement started */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        executionName: string;
                    };
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description MARKET_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description MARKET_NOT_RESOLVED: nothing to settle yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSettlement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                marketId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Settlement progress */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettlementProgress"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description MARKET_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    searchUsers: {
        parameters: {
            query?: {
                cursor?: string;
                email?: string;
                limit?: number;
                username?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of matching users; pass `nextCursor` back as `cursor` for the next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        limit: number;
                        nextCursor: string | null;
                        users: components["schemas"]["AdminUser"][];
                    };
                };
            };
            /** @description Neither or both of email and username, or an invalid limit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    plan?: "free" | "unlimited";
                    reason: string;
                    /** @enum {string} */
                    role?: "user" | "admin";
                };
            };
        };
        responses: {
            /** @description The user after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUser"];
                };
            };
            /** @description Invalid body, or nothing to change */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUserLedger: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page (not with `offset`) */
                cursor?: string;
                limit?: number;
                /** @description Items to skip, at most 10000 */
                offset?: number | null;
                type?: "signup_bonus" | "daily_reward" | "bet_placed" | "bet_payout" | "bet_refund" | "bet_cashout" | "prediction_charge" | "prediction_refund" | "admin_grant" | "admin_adjustment" | "migration_grant" | "purchase" | "purchase_refund" | "transfer_out" | "transfer_in" | "referral_bonus" | "expiration";
            };
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        limit: number;
                        /** @description Pass back as `cursor` for the next page; null on the last */
                        nextCursor: string | null;
                        /** @description Items before this page */
                        offset: number;
                        /** @description Every item the filters match */
                        total: number;
                        transactions: components["schemas"]["Transaction"][];
                    };
                };
            };
            /** @description Invalid query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resendEmailVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many links asked for this account; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description Verified */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Invalid body, or INVALID_VERIFICATION_TOKEN */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many attempts from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @example ada@example.com
                     */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignIn"];
                };
            };
            /** @description Invalid body; `details.fields` names each failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INVALID_CREDENTIALS, the same for an unknown email and a wrong password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many attempts from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description Signed out */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Invalid body; `details.fields` names each failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    logoutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out everywhere */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    /** @example correct horse battery */
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Password changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Invalid body, or WEAK_PASSWORD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing token, or INVALID_CREDENTIALS for a wrong current password */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many attempts for this account or address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description AUTH_BUSY: too many password hashes at once; see Retry-After */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example correct horse battery */
                    newPassword: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description Password changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Invalid body, or INVALID_RESET_TOKEN (unknown, used or expired) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many attempts from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @example ada@example.com
                     */
                    email: string;
                };
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Invalid body; `details.fields` names each failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many attempts from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    refreshTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description New tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description Invalid body; `details.fields` names each failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INVALID_REFRESH_TOKEN; a reused token also ends its whole login */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: email
                     * @example ada@example.com
                     */
                    email: string;
                    /** @example correct horse battery */
                    password: string;
                    /** @description A referral code from a `/register?ref=` link */
                    referralCode?: string;
                    /** @example ada_l */
                    username: string;
                };
            };
        };
        responses: {
            /** @description Account created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignIn"];
                };
            };
            /** @description Invalid body, or WEAK_PASSWORD; `details.fields` names each failing field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description EMAIL_TAKEN, or USERNAME_TAKEN (also for reserved and look-alike names) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many attempts from this address; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    placeBet: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example 100 */
                    amount?: number;
                    /**
                     * @description The side's odds the user saw; when today's differ by more than ODDS_SLIPPAGE the bet is refused with 409 ODDS_CHANGED (today's odds in `details.odds`), nothing charged
                     * @example 0.65
                     */
                    expectedOdds?: number;
                    marketId: string;
                    /** @enum {string} */
                    side: "this" | "that";
                };
            };
        };
        responses: {
            /** @description A retry with the same Idempotency-Key: the first bet */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bet: components["schemas"]["Bet"];
                        newBalance: number;
                    };
                };
            };
            /** @description The bet and the balance after it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bet: components["schemas"]["Bet"];
                        newBalance: number;
                    };
                };
            };
            /** @description INVALID_BET_AMOUNT (outside the limits, not a number, > 2 decimals) or invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INSUFFICIENT_BALANCE */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description MARKET_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description MARKET_CLOSED (closed, resolved, expired or not tradable), or ODDS_CHANGED (today's odds are more than ODDS_SLIPPAGE from expectedOdds; `details.odds` holds them) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getBet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                betId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bet */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Bet"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description BET_NOT_FOUND (also for someone else's bet) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    quoteCashout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                betId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The quote */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CashoutQuote"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description BET_NOT_FOUND (also for someone else's bet) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description MARKET_CLOSED, BET_NOT_PENDING, ODDS_STALE (a mirrored market's odds not confirmed recently), or NOTHING_TO_CASH_OUT (worth less than a cent after the fee) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cashOutBet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                betId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quoteId: string;
                };
            };
        };
        responses: {
            /** @description The cashed-out bet, what was credited and the balance after it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bet: components["schemas"]["Bet"];
                        credited: number;
                        newBalance: number;
                    };
                };
            };
            /** @description VALIDATION_ERROR: the quoteId is not a quote for this bet */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description BET_NOT_FOUND (also for someone else's bet) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description MARKET_CLOSED, BET_NOT_PENDING, ODDS_STALE, QUOTE_EXPIRED (expired or odds moved; `details.quote` is a fresh quote), or NOTHING_TO_CASH_OUT (the odds moved to where the position is worth less than a cent after the fee) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMyBets: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page (not with `offset`) */
                cursor?: string;
                limit?: number;
                /** @description Items to skip, at most 10000 */
                offset?: number | null;
                status?: "pending" | "won" | "lost" | "cancelled" | "cashed_out";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of bets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        bets: components["schemas"]["Bet"][];
                        limit: number;
                        /** @description Pass back as `cursor` for the next page; null on the last */
                        nextCursor: string | null;
                        /** @description Items before this page */
                        offset: number;
                        /** @description Every item the filters match */
                        total: number;
                    };
                };
            };
            /** @description Invalid query (limit, offset beyond the bound, cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Settings in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicConfig"];
                };
            };
            /** @description Too many requests to the stage (API Gateway throttling, deployed stages only) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    startCreditCheckout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    packageId: string;
                };
            };
        };
        responses: {
            /** @description The Checkout Session */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        /** Format: uri */
                        url: string;
                    };
                };
            };
            /** @description Invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PACKAGE_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description BALANCE_CAP_EXCEEDED: the package would lift the balance past the cap */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYMENT_PROVIDER_ERROR: Stripe failed; nothing was bought */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PURCHASES_DISABLED: no STRIPE_SECRET_KEY on this server */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCreditPackages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The packages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        enabled: boolean;
                        packages: components["schemas"]["CreditPackage"][];
                    };
                };
            };
            /** @description Too many requests to the stage (API Gateway throttling, deployed stages only) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listMyPurchases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My purchases */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        purchases: components["schemas"]["Purchase"][];
                    };
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    receiveStripeWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Handled (or ignored) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        received: true;
                    };
                };
            };
            /** @description INVALID_WEBHOOK: unsigned, forged, stale, altered or malformed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests to the stage (API Gateway throttling, deployed stages only) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description PURCHASES_DISABLED: no STRIPE_WEBHOOK_SECRET on this server */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listOutbox: {
        parameters: {
            query?: {
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Emails */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        emails: components["schemas"]["OutboxEmail"][];
                    };
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not an admin */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    marketId: string;
                    /** @enum {string} */
                    name: "predict_button_click";
                    /** @enum {string} */
                    uiSurface: "market_detail" | "market_list" | "search_result" | "recent_predictions";
                };
            };
        };
        responses: {
            /** @description Recorded */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description A token was sent and is not valid */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The API and its table answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Too many requests to the stage (API Gateway throttling, deployed stages only) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The table does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rankByPnl: {
        parameters: {
            query?: {
                /** @description `me` (signed in): the page that holds the caller; `offset` is chosen for it */
                around?: "me";
                /** @description `nextCursor` of the previous page (not with `offset`) */
                cursor?: string;
                limit?: number;
                /** @description Items to skip, at most 10000 */
                offset?: number | null;
                /** @description `all`, or the current UTC month, ISO week or day: PnL of bets settled, volume of bets placed in it */
                period?: "all" | "month" | "week" | "day";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` back as `cursor` for the next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        leaderboard: components["schemas"]["LeaderboardRow"][];
                        limit: number;
                        nextCursor: string | null;
                        offset: number;
                        total: number;
                        /** @description When the ranking job last rebuilt this board (its figures are as of then); null before any run */
                        updatedAt: string | null;
                    };
                };
            };
            /** @description Invalid query (limit, offset beyond 10,000, cursor with offset) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description around=me without a valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rankByVolume: {
        parameters: {
            query?: {
                /** @description `me` (signed in): the page that holds the caller; `offset` is chosen for it */
                around?: "me";
                /** @description `nextCursor` of the previous page (not with `offset`) */
                cursor?: string;
                limit?: number;
                /** @description Items to skip, at most 10000 */
                offset?: number | null;
                /** @description `all`, or the current UTC month, ISO week or day: PnL of bets settled, volume of bets placed in it */
                period?: "all" | "month" | "week" | "day";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` back as `cursor` for the next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        leaderboard: components["schemas"]["LeaderboardRow"][];
                        limit: number;
                        nextCursor: string | null;
                        offset: number;
                        total: number;
                        /** @description When the ranking job last rebuilt this board (its figures are as of then); null before any run */
                        updatedAt: string | null;
                    };
                };
            };
            /** @description Invalid query (limit, offset beyond 10,000, cursor with offset) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description around=me without a valid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMarkets: {
        parameters: {
            query?: {
                category?: string;
                /** @description `nextCursor` of the previous page (not with `offset`) */
                cursor?: string;
                limit?: number;
                /** @description Items to skip, at most 10000 */
                offset?: number | null;
                q?: string;
                sort?: "trending" | "liquidity" | "expires_soon";
                status?: "open" | "closed" | "resolved" | "cancelled";
                type?: "polymarket" | "credits";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of markets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        limit: number;
                        markets: components["schemas"]["Market"][];
                        /** @description Pass back as `cursor` for the next page; null on the last */
                        nextCursor: string | null;
                        /** @description Items before this page */
                        offset: number;
                        /** @description Every item the filters match */
                        total: number;
                    };
                };
            };
            /** @description Invalid query (limit, offset beyond the bound, cursor, q of too many words) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMarket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                marketId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The market */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Market"];
                };
            };
            /** @description MARKET_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOddsHistory: {
        parameters: {
            query?: {
                range?: "1d" | "1w" | "1m" | "all";
            };
            header?: never;
            path: {
                marketId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Odds snapshots */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        points: {
                            at: string;
                            thatOdds: number;
                            thisOdds: number;
                        }[];
                    };
                };
            };
            /** @description VALIDATION_ERROR (a range other than 1d, 1w, 1m, all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description MARKET_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page (not with `offset`) */
                cursor?: string;
                limit?: number;
                /** @description Items to skip, at most 10000 */
                offset?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; pass `nextCursor` back as `cursor` for the next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        dailyRewardReady: boolean;
                        /**
                         * Format: date-time
                         * @description When the daily reward opens again; null before the first claim
                         */
                        dailyRewardReadyAt: string | null;
                        limit: number;
                        /** @description Pass back as `cursor` for the next page; null on the last */
                        nextCursor: string | null;
                        notifications: components["schemas"]["Notification"][];
                        /** @description Items before this page */
                        offset: number;
                        /** @description Unread notifications in all */
                        unread: number;
                    };
                };
            };
            /** @description Invalid query (limit, offset beyond 10,000, cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    markNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {boolean} */
                    all?: true;
                    ids?: string[];
                };
            };
        };
        responses: {
            /** @description How many this request marked, and how many are left unread */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        marked: number;
                        unread: number;
                    };
                };
            };
            /** @description Invalid body: ids (1 to 100) or all: true */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Models */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        models: components["schemas"]["PredictionModel"][];
                    };
                };
            };
            /** @description Too many requests to the stage (API Gateway throttling, deployed stages only) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    listModelScores: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Model scores */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        models: components["schemas"]["ModelScore"][];
                    };
                };
            };
            /** @description RATE_LIMIT_EXCEEDED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPredictionQuota: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's standing in both session limits (nothing is counted) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        perDay: components["schemas"]["RateLimitStanding"];
                        perHour: components["schemas"]["RateLimitStanding"];
                    };
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPredictionSessions: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page (not with `offset`) */
                cursor?: string;
                limit?: number;
                marketId?: string;
                /** @description Items to skip, at most 10000 */
                offset?: number | null;
                since?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sessions, newest first (without per-model details); no `total` (a time window) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        limit: number;
                        /** @description Pass back as `cursor` for the next page; null on the last */
                        nextCursor: string | null;
                        /** @description Items before this page */
                        offset: number;
                        sessions: {
                            charged: number;
                            completedAt: string | null;
                            createdAt: string;
                            marketId: string;
                            marketTitle: string;
                            refunded: boolean;
                            selectedModels: string[];
                            sessionId: string;
                            /** @enum {string} */
                            status: "initializing" | "researching" | "generating" | "finished" | "error";
                        }[];
                    };
                };
            };
            /** @description Invalid query (limit, offset beyond the bound, cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startPredictionSession: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    marketId: string;
                    selectedModels: string[];
                };
            };
        };
        responses: {
            /** @description A retry with the same Idempotency-Key: the first session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        newBalance: number;
                        sessionId: string;
                    };
                };
            };
            /** @description Started */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        newBalance: number;
                        sessionId: string;
                    };
                };
            };
            /** @description Invalid body, or INVALID_MODEL_SELECTION (unknown, unavailable, duplicate, > 5) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INSUFFICIENT_BALANCE: nothing was charged */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description MARKET_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description MARKET_CLOSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED (sessions per hour / per day): nothing was charged */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description WORKFLOW_START_FAILED: the credits were refunded at once */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPredictionSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PredictionSession"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description SESSION_NOT_FOUND (also for someone else's session) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    claimDailyReward: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reward, the balance after it and when the next claim opens */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        newBalance: number;
                        /** Format: date-time */
                        nextClaimAvailable: string;
                        reward: components["schemas"]["DailyReward"];
                    };
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description DAILY_REWARD_CLAIMED: claimed less than 24 h ago */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] & {
                        /** Format: date-time */
                        nextClaimAvailable: string;
                    };
                };
            };
            /** @description BALANCE_CAP_EXCEEDED */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRewardHistory: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page (not with `offset`) */
                cursor?: string;
                limit?: number;
                /** @description Items to skip, at most 10000 */
                offset?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page; `total` counts every claim; pass `nextCursor` back as `cursor` for the next */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        limit: number;
                        /** @description Pass back as `cursor` for the next page; null on the last */
                        nextCursor: string | null;
                        /** @description Items before this page */
                        offset: number;
                        rewards: components["schemas"]["DailyReward"][];
                        /** @description Every item the filters match */
                        total: number;
                    };
                };
            };
            /** @description Invalid query (limit, offset beyond 10,000, cursor with offset) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMyTransactions: {
        parameters: {
            query?: {
                /** @description `nextCursor` of the previous page (not with `offset`) */
                cursor?: string;
                limit?: number;
                /** @description Items to skip, at most 10000 */
                offset?: number | null;
                type?: "signup_bonus" | "daily_reward" | "bet_placed" | "bet_payout" | "bet_refund" | "bet_cashout" | "prediction_charge" | "prediction_refund" | "admin_grant" | "admin_adjustment" | "migration_grant" | "purchase" | "purchase_refund" | "transfer_out" | "transfer_in" | "referral_bonus" | "expiration";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        limit: number;
                        /** @description Pass back as `cursor` for the next page; null on the last */
                        nextCursor: string | null;
                        /** @description Items before this page */
                        offset: number;
                        /** @description Every item the filters match */
                        total: number;
                        transactions: components["schemas"]["Transaction"][];
                    };
                };
            };
            /** @description Invalid query (limit, type, offset beyond the bound, cursor) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendCredits: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example 50 */
                    amount?: number;
                    note?: string;
                    toUsername: string;
                };
            };
        };
        responses: {
            /** @description Sent */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            /** @description INVALID_TRANSFER_AMOUNT, TRANSFER_TO_SELF or an invalid body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description INSUFFICIENT_BALANCE */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description ACCOUNT_TOO_NEW */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description USER_NOT_FOUND: no user with that username */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description TRANSFER_DAILY_LIMIT (past the day's total) or BALANCE_CAP_EXCEEDED (receiver at the cap) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUserProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": (components["schemas"]["PrivateProfile"] & {
                        standing: components["schemas"]["BoardStanding"];
                    }) | (components["schemas"]["PublicProfile"] & {
                        standing: components["schemas"]["BoardStanding"];
                    });
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUserPortfolio: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Their open positions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicPortfolio"];
                };
            };
            /** @description USER_NOT_FOUND */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMyProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrivateProfile"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateMyProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @example ada_l */
                    username?: string;
                };
            };
        };
        responses: {
            /** @description Updated profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["PrivateProfile"];
                    };
                };
            };
            /** @description Invalid body; any field but username is refused */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description USERNAME_TAKEN */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMyCreditFlows: {
        parameters: {
            query?: {
                /** @description Weeks to cover, at most 26 */
                weeks?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My credit flows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditFlows"];
                };
            };
            /** @description Invalid `weeks` */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMyPortfolio: {
        parameters: {
            query?: {
                /** @description The span of `history`: the last week, month, or since signup */
                range?: "1w" | "1m" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My portfolio */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Portfolio"];
                };
            };
            /** @description VALIDATION_ERROR (a range other than 1w, 1m, all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateMyPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Email me when a bet pays out
                     * @example true
                     */
                    emailPayouts: boolean;
                };
            };
        };
        responses: {
            /** @description My profile, with the preferences as stored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: components["schemas"]["PrivateProfile"];
                    };
                };
            };
            /** @description Invalid body: emailPayouts must be true or false */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: the request body is over the API's limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMyReferral: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My referral */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Referral"];
                };
            };
            /** @description Missing or invalid access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description RATE_LIMIT_EXCEEDED: too many requests in the window; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
