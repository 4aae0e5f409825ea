/**
 * Runs before the built app's handler, under `node build` as under `cofund serve`: the app holds
 * every request body to its own route's limit (see `bodyLimit` in hooks.server.ts), so
 * adapter-node's single 512 KB limit for all requests, read when its handler loads, is set aside
 * here for both ways of starting alike.
 */
process.env.BODY_SIZE_LIMIT ||= 'Infinity';
