/** The session's cookie (HttpOnly) and the CSRF token's (readable by the page). */
export const SESSION_COOKIE = 'convene_session';
export const CSRF_COOKIE = 'XSRF-TOKEN';
