/**
 * The role every request runs as. It owns no table, cannot log in and bypasses no row-level
 * security; the pool logs in as a member of it (app-login.ts) and takes it as a startup parameter.
 */
export const APP_ROLE = 'rapport_app';
export const APP_ROLE_STARTUP_OPTIONS = `-c role=${APP_ROLE}`;
