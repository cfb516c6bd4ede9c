import { Service } from "electrodb";
import type { Db } from "./db";
import { IdempotencyKey } from "./entities/idempotency-key";
import { LedgerEntry } from "./entities/ledger-entry";
import { User } from "./entities/user";

const entities = { user: User, ledgerEntry: LedgerEntry, idempotencyKey: IdempotencyKey };

function buildService(db: Db) {
  return new Service(entities, { client: db.client, table: db.table });
}

export type MarketService = ReturnType<typeof buildService>;

const services = new WeakMap<Db, MarketService>();

/** The ElectroDB service bound to a table; built once per `Db`. */
export function serviceFor(db: Db): MarketService {
  let service = services.get(db);
  if (!service) {
    service = buildService(db);
    services.set(db, service);
  }
  return service;
}
