import type { core } from "zod";

type Issue = core.$ZodIssue;

/** Zod's own wording ("Too small: expected string to have >=10 characters"), as opposed to a schema's. */
const zodDefault = /^(Too (small|big)|Invalid|Expected|Unrecognized)/;

const what: Record<string, [one: string, many: string]> = {
  string: ["character", "characters"],
  array: ["item", "items"],
  set: ["item", "items"],
  file: ["byte", "bytes"],
};

const formats: Record<string, string> = {
  email: "must be an email address",
  url: "must be a web address (https://…)",
  uuid: "must be an id",
  datetime: "must be a date and time (2026-01-31T12:00:00Z)",
  date: "must be a date (2026-01-31)",
  regex: "holds characters that are not allowed here",
};

function count(value: number | bigint, origin: string): string {
  const unit = what[origin];
  if (!unit) return String(value);
  return `${value} ${Number(value) === 1 ? unit[0] : unit[1]}`;
}

function typeName(expected: string): string {
  if (expected === "int") return "a whole number";
  if (expected === "array") return "a list";
  if (expected === "object") return "an object";
  if (expected === "boolean") return "true or false";
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/**
 * A field's validation problem written for people, the predicate of a sentence
 * whose subject is the field ("must be at least 10 characters"): the API's
 * `details.fields` values. Messages a schema wrote itself are kept as they are.
 */
export function humanMessage(issue: Issue): string {
  if (!zodDefault.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return /received undefined/.test(issue.message)
        ? "is required"
        : `must be ${typeName(issue.expected)}`;
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "must not be empty";
      if (issue.origin === "array" && Number(issue.minimum) === 1) return "must not be empty";
      return issue.inclusive === false
        ? `must be more than ${count(issue.minimum, issue.origin)}`
        : `must be at least ${count(issue.minimum, issue.origin)}${issue.origin === "string" ? " long" : ""}`;
    case "too_big":
      return issue.inclusive === false
        ? `must be less than ${count(issue.maximum, issue.origin)}`
        : `must be at most ${count(issue.maximum, issue.origin)}${issue.origin === "string" ? " long" : ""}`;
    case "invalid_format":
      return formats[issue.format] ?? "is not in the expected format";
    case "invalid_value":
      return issue.values.length === 1
        ? `must be ${String(issue.values[0])}`
        : `must be one of ${issue.values.map(String).join(", ")}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    case "unrecognized_keys":
      return "is not allowed";
    default:
      return "is not valid";
  }
}
