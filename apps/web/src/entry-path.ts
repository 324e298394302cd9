/** A public feedback link's path: `/f/<token>`. */
export const FEEDBACK_PATH = /^\/f\/([^/]+)\/?$/;

/**
 * The token of a public feedback link (`/f/<token>`), or null for any other path: main.tsx starts the
 * feedback form's own entry for it, and the signed-in app for everything else.
 */
export function feedbackToken(pathname: string): string | null {
  const match = FEEDBACK_PATH.exec(pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}
