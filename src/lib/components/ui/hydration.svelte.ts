/**
 * Whether the page's script has taken over. Until it has, a button that only runs script would
 * swallow a click and do nothing, so such buttons stay disabled until then.
 */
let ready = $state(false);

export const hydration = {
	get ready() {
		return ready;
	}
};

/** Called once, when the root layout has mounted in the browser. */
export function markHydrated() {
	ready = true;
}
