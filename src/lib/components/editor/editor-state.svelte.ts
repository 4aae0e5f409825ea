/**
 * The editor's state: the working copy, its live schema check and plan check, and which
 * problems to show where. Fields look their problems up by path through the component context.
 */
import { parseProjectDefinition, type DefinitionIssue } from '$lib/domain/project/definition';
import { fromEditorInput, type EditorInput } from '$lib/domain/project/editor-input';
import {
	editorIssues,
	planVerdict,
	requiredPaths,
	type PlanVerdict
} from '$lib/domain/project/editor-verdict';
import type { PlanFinding } from '$lib/domain/project/plan-checks';
import { getContext, setContext } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';

const KEY = Symbol('project-editor');

export class EditorState {
	input: EditorInput = $state() as EditorInput;
	/** Problems the server reported for the last submission, until the field is edited. */
	serverIssues: DefinitionIssue[] = $state([]);
	submitted = $state(false);
	readonly touched = new SvelteSet<string>();

	readonly parsed = $derived(parseProjectDefinition(fromEditorInput(this.input)));
	readonly issues: DefinitionIssue[] = $derived(this.parsed.ok ? [] : editorIssues(this.input));
	/** The fields still blank that a save needs: each says "required" before anyone touches it. */
	readonly required: Set<string> = $derived(requiredPaths(this.issues));
	/** The plan check speaks once the figures it judges are in; until then it waits. */
	readonly verdict: PlanVerdict = $derived(planVerdict(this.input));
	readonly findings: PlanFinding[] = $derived(
		this.verdict.kind === 'judged' ? this.verdict.findings : []
	);

	constructor(input: EditorInput) {
		this.input = input;
	}

	/** Problems to show at a field: after it was left, or after a save was tried. */
	issuesAt(path: string): DefinitionIssue[] {
		const shown = this.submitted || this.touched.has(path);
		const local = shown ? this.issues.filter((issue) => issue.path === path) : [];
		const remote = this.serverIssues.filter(
			(issue) => issue.path === path && !local.some((l) => l.key === issue.key)
		);
		return [...local, ...remote];
	}

	/** The worst plan rule that concerns a field, to outline it. */
	findingAt(path: string): PlanFinding['severity'] | undefined {
		const concerned = this.findings.filter((finding) => finding.fields.includes(path));
		if (concerned.some((finding) => finding.severity === 'error')) return 'error';
		return concerned.length ? 'warning' : undefined;
	}

	leave(path: string): void {
		this.touched.add(path);
		this.serverIssues = this.serverIssues.filter((issue) => issue.path !== path);
	}
}

export function provideEditor(state: EditorState): EditorState {
	return setContext(KEY, state);
}

export function useEditor(): EditorState {
	return getContext<EditorState>(KEY);
}
