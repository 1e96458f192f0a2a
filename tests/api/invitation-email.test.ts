import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { useExtraServer } from "../support/extra-server";
import { createTestTeam } from "../support/fixtures";
import { signedInMember, signIn, TEST_PASSWORD } from "../support/session";

/** A real SMTP server of the test's own, keeping every message it receives. */
const received: { to: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
      callback();
    });
  },
});
let smtpPort = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(resolve)));

/** The body as text: quoted-printable soft line breaks and escapes undone. */
const decoded = (raw: string) =>
  raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe("with SMTP_URL set, an invitation is e-mailed", () => {
  const server = useExtraServer(() => ({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SMTP_FROM: "DNC Console <dnc@example.test>" }));

  it("the message carries the one-time link, and following it joins the team", async () => {
    const team = await createTestTeam();
    const owner = await signedInMember(team, "owner");
    const { jar } = await signIn(owner.email, TEST_PASSWORD, server.baseUrl());
    const email = `mailed-${Date.now()}@example.test`;
    const created = await api("/api/v1/invitations", {
      method: "POST",
      baseUrl: server.baseUrl(),
      body: { email, role: "viewer" },
      headers: { cookie: jar.header(), "x-dnc-team": team.slug, origin: server.baseUrl() },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.emailed).toBe(true);

    const message = received.find((m) => m.to.includes(email));
    expect(message).toBeDefined();
    const text = decoded(message!.raw);
    expect(text).toMatch(/^Subject: You are invited to Test .+ on DNC Console/m);
    const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
    expect(link).toBe(created.body.data.url);

    const token = link!.split("/invite/")[1];
    const joined = await api("/api/invitations/accept", {
      method: "POST",
      baseUrl: server.baseUrl(),
      body: { token, name: "Mailed Person", password: "a-long-unusual-passphrase-42" },
      headers: { origin: server.baseUrl() },
    });
    expect(joined.status).toBe(200);
    expect(joined.body.data.team.slug).toBe(team.slug);
    expect(inject("baseUrl")).not.toBe(server.baseUrl());
  });
});
