/**
 * The role every request runs as. It owns no table, cannot log in and bypasses no row-level
 * security; the pool logs in as a member of it (app-login.ts) and takes it as a startup parameter.
 */
export const APP_ROLE = 'rapport_app';
/** The request pool's startup parameters: the app role, and UTC, in which timestamps are read fastest (timestamps.ts). */
export const APP_ROLE_STARTUP_OPTIONS = `-c role=${APP_ROLE} -c TimeZone=UTC`;
