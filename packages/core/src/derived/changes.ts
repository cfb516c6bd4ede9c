import type { AttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { Db } from "../db";
import type { BetItem } from "../entities/bet";
import type { LedgerEntryItem } from "../entities/ledger-entry";
import type { PredictionSessionItem } from "../entities/prediction-session";
import type { UserItem } from "../entities/user";
import { serviceFor } from "../service";

/**
 * One change record of the table's stream, as DynamoDB Streams and the Lambda
 * event source mapping both deliver it (images in attribute-value form).
 */
export interface StreamRecord {
  eventName?: "INSERT" | "MODIFY" | "REMOVE" | string | undefined;
  dynamodb?:
    | {
        NewImage?: Record<string, AttributeValue> | undefined;
        OldImage?: Record<string, AttributeValue> | undefined;
        SequenceNumber?: string | undefined;
      }
    | undefined;
}

/** The item types whose changes derived numbers follow, with their old and new images. */
export type TableChange =
  | { entity: "bet"; old: BetItem | undefined; new: BetItem | undefined }
  | { entity: "ledgerEntry"; old: LedgerEntryItem | undefined; new: LedgerEntryItem | undefined }
  | { entity: "user"; old: UserItem | undefined; new: UserItem | undefined }
  | {
      entity: "predictionSession";
      old: PredictionSessionItem | undefined;
      new: PredictionSessionItem | undefined;
    };

const followed = new Set<TableChange["entity"]>([
  "bet",
  "ledgerEntry",
  "user",
  "predictionSession",
]);

/**
 * The change a stream record describes, its images parsed by their entity
 * (ElectroDB marks every item with its entity name), or null for items
 * derived numbers do not follow.
 */
export function changeOf(db: Db, record: StreamRecord): TableChange | null {
  const images = record.dynamodb;
  const raw = images?.NewImage ?? images?.OldImage;
  if (!raw) return null;
  const entity = raw.__edb_e__?.S as TableChange["entity"] | undefined;
  if (!entity || !followed.has(entity)) return null;
  const parse = (image: Record<string, AttributeValue> | undefined) => {
    if (!image) return undefined;
    const item = unmarshall(image);
    // Every followed entity parses alike; the union of their signatures does not type-check.
    const parser = serviceFor(db).entities[entity] as unknown as {
      parse(response: { Item: unknown }): { data: unknown };
    };
    return (parser.parse({ Item: item }).data ?? undefined) as never;
  };
  return { entity, old: parse(images?.OldImage), new: parse(images?.NewImage) } as TableChange;
}
