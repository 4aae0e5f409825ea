// Thin: the "no access" page in the app's frame; the access hook shows it for a page it refuses.
import { m } from '$lib/paraglide/messages.js';
import { error } from '@sveltejs/kit';

export const load = () => error(403, m.access_forbidden());
