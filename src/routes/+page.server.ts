// Thin: the start page is the project list.
import { redirect } from '@sveltejs/kit';

export const load = () => redirect(307, '/projects');
