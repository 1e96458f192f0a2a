import { describe, expect, it } from "vitest";
import { assertStrongPassword } from "@/lib/auth/password-policy";

const jane = { email: "jane.doe@example.test", teamNames: ["Acme Corp"] };

async function refusal(password: string, context = jane): Promise<string | null> {
  return assertStrongPassword(password, context).then(
    () => null,
    (error: { code: string; message: string }) => `${error.code}: ${error.message}`,
  );
}

describe("a new password", () => {
  it("is accepted when long and hard to guess", async () => {
    expect(await refusal("quiet-lantern-harbour-47")).toBeNull();
    expect(await refusal("correct horse battery staple")).toBeNull();
  });

  it.each([
    ["shorter than 12 characters", "k3#vQ9!zLp", /at least 12 characters/],
    ["longer than 200 characters", "quiet-lantern-harbour-47 ".repeat(9), /at most 200 characters/],
    ["on Mozilla's common list, in any letter case", "Password1234", /most common/],
    // On the common list, yet zxcvbn alone would let it through (score 3): the list still adds something.
    ["on the common list that zxcvbn rates safe", "ytpfdbcbvjcnm", /most common/],
  ])("is refused when %s", async (_label, password, reason) => {
    expect(await refusal(password)).toMatch(reason);
  });

  it("is refused when it contains the e-mail's local part or the team's name, ignoring case and punctuation", async () => {
    expect(await refusal("Lantern-JANE.DOE-harbour-47")).toMatch(/^weak_password: .*e-mail.*\(jane\.doe\)/);
    expect(await refusal("lantern-janedoe-harbour-47")).toMatch(/e-mail/);
    expect(await refusal("lantern-ACME-corp-harbour-47")).toMatch(/^weak_password: .*team's name \(Acme Corp\)/);
    // The same password for someone else, in another team, is fine.
    expect(await refusal("lantern-ACME-corp-harbour-47", { email: "bob@example.test", teamNames: ["Globex"] })).toBeNull();
  });

  it("ignores local parts and team names too short to be telling", async () => {
    expect(await refusal("quiet-lantern-bob-harbour-47", { email: "bob@example.test", teamNames: ["Q"] })).toBeNull();
  });

  it("is refused with zxcvbn's feedback when it is easy to guess, the person's own words counted as known", async () => {
    expect(await refusal("1qaz2wsx3edc4rfv5tgb")).toMatch(/^weak_password: This password is too easy to guess\. .+/);
    // Fine for a stranger; for Zorblatt Fenwick a word of their own e-mail plus a sequence is easy.
    expect(await refusal("zorblatt12345", { email: "someone@example.test", teamNames: ["Initech"] })).toBeNull();
    expect(await refusal("zorblatt12345", { email: "zorblatt.fenwick@example.test", teamNames: ["Initech"] })).toMatch(
      /too easy to guess\. There should not be any personal or page related data\./,
    );
  });
});
