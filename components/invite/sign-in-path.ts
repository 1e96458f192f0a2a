/** The sign-in page, coming back to this invitation afterwards. */
export function signInPathFor(token: string) {
  return `/sign-in?next=${encodeURIComponent(`/invite/${encodeURIComponent(token)}`)}`;
}
