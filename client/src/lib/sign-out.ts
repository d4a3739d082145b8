/** Ends the session on the server; a lost connection still lets the screen sign out locally. */
export async function signOut(): Promise<void> {
  await fetch('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
}
