/**
 * The first-run guide of a new office: create a project (in the editor or from a definition
 * file), invite people, import the first exports. Each step is done once what it asks exists;
 * a step the reader may not take is left out, and the import waits for a project.
 */

export type FirstRunStepName = 'project' | 'people' | 'import';

export interface FirstRunFacts {
	/** Projects the reader can see. */
	projects: number;
	/** Of those, the first by code: where the import step leads. */
	firstProject: string | null;
	/** People on the instance besides the reader. */
	others: number;
	/** Whether any of the reader's projects has a live import. */
	imported: boolean;
	canCreate: boolean;
	canInvite: boolean;
	canImport: boolean;
}

export type FirstRunStep =
	| { step: 'project'; done: boolean }
	| { step: 'people'; done: boolean }
	| { step: 'import'; done: boolean; project: string | null };

export interface FirstRunGuide {
	steps: FirstRunStep[];
}

/**
 * The guide, or null when there is nothing to guide: the reader may not create projects, or the
 * office is under way (a project of theirs has its exports imported, and no step is left).
 */
export function firstRunGuide(facts: FirstRunFacts): FirstRunGuide | null {
	if (!facts.canCreate) return null;
	const steps: FirstRunStep[] = [{ step: 'project', done: facts.projects > 0 }];
	if (facts.canInvite) steps.push({ step: 'people', done: facts.others > 0 });
	if (facts.canImport)
		steps.push({ step: 'import', done: facts.imported, project: facts.firstProject });
	// Once the reader has a project with its exports in, the guide has done its work.
	if (facts.projects > 0 && facts.imported) return null;
	return { steps };
}
