import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { getWithRetry } from "./api";
import type { Role } from "@/lib/auth/permissions";
import { createTestTeam, type TestTeam } from "./fixtures";

export const TEST_PASSWORD = "test-password-1";

/** Cookies as a browser would keep them: name → value, updated from each Set-Cookie. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
  }

  set(name: string, value: string) {
    this.cookies.set(name, value);
    return this;
  }

  has(name: string) {
    return this.cookies.has(name);
  }

  get(name: string) {
    return this.cookies.get(name);
  }

  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

/** next-auth's credentials flow over HTTP, as the sign-in page does it: CSRF token, then the callback. */
export async function signIn(
  email: string,
  password: string,
  baseUrl = inject("baseUrl"),
): Promise<{ jar: CookieJar; error: string | null }> {
  const jar = new CookieJar();
  const csrf = await getWithRetry(`${baseUrl}/api/auth/csrf`);
  jar.store(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  jar.store(response);
  const { url } = (await response.json()) as { url: string };
  return { jar, error: new URL(url).searchParams.get("error") };
}

/** next-auth's sign-out as the dashboard does it: CSRF token, then POST /api/auth/signout with the session cookie. */
export async function signOut(jar: CookieJar, baseUrl = inject("baseUrl")) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  jar.store(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, json: "true" }),
    redirect: "manual",
  });
  if (response.status >= 400) throw new Error(`sign-out failed with ${response.status}`);
}

export type TestMember = { email: string; jar: CookieJar };

/** A user with the given role in the team, signed in. */
export async function signedInMember(team: { id: string }, role: Role): Promise<TestMember> {
  const { createUser } = await import("@/lib/users/create-user");
  const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
  await createUser({ email, password: TEST_PASSWORD, teamId: team.id, role });
  const { jar, error } = await signIn(email, TEST_PASSWORD);
  if (error) throw new Error(`sign-in failed: ${error}`);
  return { email, jar };
}

export async function teamWithOwner(): Promise<{ team: TestTeam; owner: TestMember }> {
  const team = await createTestTeam();
  return { team, owner: await signedInMember(team, "owner") };
}
