/**
 * The role every request runs as. It owns no table and bypasses no row-level security, so the
 * policies apply even though the pool logs in as the database owner: the role is set as a startup
 * parameter, which `RESET ROLE` returns to rather than escaping it.
 */
export const APP_ROLE = 'rapport_app';
export const APP_ROLE_STARTUP_OPTIONS = `-c role=${APP_ROLE}`;
