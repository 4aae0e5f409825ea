/** Toasts for the outcome of an action: the app's one way to say "saved" or "refused" in passing. */
import type { SubmitFunction } from '@sveltejs/kit';
import { toast } from 'svelte-sonner';
import { m } from '$lib/paraglide/messages.js';

export const notify = {
	ok: (message: string) => toast.success(message),
	error: (message: string) => toast.error(message)
};

/** The text a refused action sends back, under whichever key the page's action uses. */
function refusal(data: Record<string, unknown> | undefined): string {
	for (const key of ['message', 'error', 'problem', 'profileError']) {
		const value = data?.[key];
		if (typeof value === 'string' && value) return value;
	}
	return m.ui_action_failed();
}

type Said = string | ((data: Record<string, unknown> | undefined) => string | undefined);

/**
 * A use:enhance callback that updates the page as usual, then toasts the outcome: `ok` on success
 * (a text, or one read from the action's data), the action's own refusal on failure.
 */
export function toastResult(ok: Said, options: { reset?: boolean } = {}): SubmitFunction {
	return () =>
		async ({ result, update }) => {
			await update({ reset: options.reset ?? true });
			if (result.type === 'success') {
				const text = typeof ok === 'string' ? ok : ok(result.data);
				if (text) notify.ok(text);
			} else if (result.type === 'failure') notify.error(refusal(result.data));
			else if (result.type === 'error') notify.error(m.ui_action_failed());
		};
}
