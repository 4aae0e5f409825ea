/**
 * What a reader may learn from a verdict. The whole answer, for a document of a project the
 * reader may see; for any other, only whether cofund made the file: not its project, its
 * document, who made it, what changed, nor what an altered file claims to be.
 */
import type { Viewer } from '../access/authorize';
import { mayReadProject } from '../access/project-access';
import type { Database } from '../db';
import { verifyDocument, type Verdict } from './verify-document';

/** The answer with everything held back but whether cofund made these bytes. */
export interface WithheldVerdict {
	withheld: true;
	genuine: boolean;
}

export type DisclosedVerdict = Verdict | WithheldVerdict;

/**
 * The projects a verdict tells about. An altered file's claim names a project even when it
 * names none (`''`, which no one is a member of), since its template and fingerprint still
 * point at another project's document.
 */
export function projectsOf(verdict: Verdict): string[] {
	if (verdict.genuine) return [verdict.document.project];
	return [
		...(verdict.claims ? [verdict.claims.project ?? ''] : []),
		...(verdict.original ? [verdict.original.project] : [])
	];
}

/** The verdict as this reader may see it; built anew, so a field added to a verdict stays held. */
export async function discloseVerdict(
	db: Database,
	verdict: Verdict,
	reader: Viewer
): Promise<DisclosedVerdict> {
	for (const code of new Set(projectsOf(verdict)))
		if (!(await mayReadProject(db, reader, code)))
			return { withheld: true, genuine: verdict.genuine };
	return verdict;
}

/** Verifies a PDF for a reader: the web page and `cofund verify` both answer through this. */
export async function verifyForReader(
	db: Database,
	pdf: Buffer,
	reader: Viewer
): Promise<DisclosedVerdict> {
	return discloseVerdict(db, await verifyDocument(db, pdf), reader);
}
