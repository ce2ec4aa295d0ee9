/** Where a paired display keeps its token (this browser only; it reconnects after a reload). */
export const DISPLAY_TOKEN_KEY = 'dockside.display'
