/** Goes to the sign-in page with a full page load, which drops every cached record of the workspace. */
export function reloadAtSignIn(): void {
  window.location.assign('/sign-in');
}
