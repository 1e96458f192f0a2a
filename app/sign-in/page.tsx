import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { singleSignOn } from "@/lib/auth/auth-options";
import { readDashboardSession } from "@/lib/auth/dashboard-session";
import { safeNextPath } from "@/lib/next-path";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in · DNC Console" };

/** `?next=/invite/…` brings the person back to where they were sent to sign in; only paths on this site are followed. */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; error?: string | string[] }>;
}) {
  const params = await searchParams;
  const next = safeNextPath(params.next) ?? "/entries";
  const error = typeof params.error === "string" ? params.error : undefined;
  if (await readDashboardSession()) redirect(next);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div className="mx-auto mb-3 flex h-10 w-10 items-center justify-center rounded-lg bg-accent text-lg font-bold text-white">D</div>
          <h1 className="text-xl font-semibold tracking-tight">Sign in to DNC Console</h1>
          <p className="mt-1 text-muted-foreground">Your team&apos;s Do Not Contact list</p>
        </div>
        <SignInForm next={next} sso={singleSignOn()} initialError={error} />
      </div>
    </main>
  );
}
