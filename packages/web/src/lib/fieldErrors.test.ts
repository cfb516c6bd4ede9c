import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { fieldErrorsOf, fieldSentence, validationSentences } from "./fieldErrors";

describe("fieldSentence", () => {
  it("puts the field's label in front of the API's predicate", () => {
    expect(fieldSentence("Password", "must be at least 10 characters long")).toBe(
      "Password must be at least 10 characters long.",
    );
    expect(fieldSentence("Email", "is required.")).toBe("Email is required.");
  });

  it("keeps a message that is already a sentence, or a label that is not text", () => {
    expect(fieldSentence("Username", "That username is taken.")).toBe("That username is taken.");
    expect(fieldSentence(undefined, "must be a number")).toBe("must be a number");
  });
});

describe("fieldErrorsOf", () => {
  it("keys the API's details.fields by the form's field names", () => {
    const error = new ApiError(400, {
      error: "Invalid request",
      code: "VALIDATION_ERROR",
      details: { fields: { "body.password": "must be at least 10 characters long" } },
    });
    expect(fieldErrorsOf(error)).toEqual({ password: "must be at least 10 characters long" });
    expect(fieldErrorsOf(new TypeError("offline"))).toEqual({});
  });
});

describe("validationSentences", () => {
  it("names each field from its path", () => {
    expect(
      validationSentences({
        "body.amount": "must be more than 0",
        "body.newPassword": "must be at least 10 characters long",
      }),
    ).toBe("Amount must be more than 0. New password must be at least 10 characters long.");
    expect(validationSentences({})).toBeNull();
  });
});
