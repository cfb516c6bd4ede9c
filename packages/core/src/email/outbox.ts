import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EmailMessage, EmailSender } from "./email";

export interface StoredEmail extends EmailMessage {
  id: string;
  sentAt: string;
}

/**
 * The local email transport: every message becomes a JSON file in `dir`, where
 * a developer (or a test) reads it instead of a mailbox.
 */
export class OutboxEmailSender implements EmailSender {
  constructor(
    private readonly dir: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async send(message: EmailMessage): Promise<void> {
    // Reset and verification links are secrets: owner-only folder and files.
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const sentAt = this.clock().toISOString();
    const id = `${sentAt.replace(/[:.]/g, "-")}-${Math.random().toString(36).slice(2, 8)}`;
    const stored: StoredEmail = { id, sentAt, ...message };
    await writeFile(join(this.dir, `${id}.json`), JSON.stringify(stored, null, 2), {
      mode: 0o600,
    });
  }

  /** Newest first. */
  async list(limit = 50): Promise<StoredEmail[]> {
    let files: string[];
    try {
      files = (await readdir(this.dir)).filter((file) => file.endsWith(".json"));
    } catch {
      return [];
    }
    const newest = files.sort().reverse().slice(0, limit);
    return Promise.all(
      newest.map(
        async (file) => JSON.parse(await readFile(join(this.dir, file), "utf8")) as StoredEmail,
      ),
    );
  }
}
