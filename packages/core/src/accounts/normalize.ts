/** Emails compare case-insensitively and without surrounding spaces. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Usernames keep their case for display but are unique case-insensitively. */
export function usernameKey(username: string): string {
  return username.toLowerCase();
}
