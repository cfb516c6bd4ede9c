/**
 * A field's message as a sentence. The API writes `details.fields` values as the
 * predicate of a sentence whose subject is the field ("must be at least 10
 * characters long"), so such a message gets the field's label in front
 * ("Password must be at least 10 characters long."); a message that already is a
 * sentence (capitalised, the app's own) is kept as it is.
 */
export function fieldSentence(label: unknown, message: string): string {
  const text = message.trim();
  if (!/^[a-z]/.test(text) || typeof label !== "string" || !label.trim()) return text;
  const sentence = `${label.trim()} ${text}`;
  return /[.!?…]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** A field's label from its API path: `body.newPassword` → "New password". */
export function labelOfPath(path: string): string {
  const last =
    path
      .split(".")
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? path;
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Every field problem of a validation error's `details.fields` as sentences
 * ("Amount must be more than 0."), for messages not shown beside a field; null
 * when there are none.
 */
export function validationSentences(fields: Record<string, string>): string | null {
  const sentences = Object.entries(fields).map(([path, message]) =>
    fieldSentence(labelOfPath(path), message),
  );
  return sentences.length ? sentences.join(" ") : null;
}
