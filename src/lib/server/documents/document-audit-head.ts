/**
 * The audit chain's head a document prints: the one asked for; else the one a kept document of
 * the same inputs and data printed, so that making it again gives its very bytes; else the head
 * now. It is a copy of the chain's state outside any server, in every PDF.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { documents } from '../db/schema';
import type { AuditHead } from '../audit/audit-anchor';
import { currentHead } from '../audit/audit-context';
import type { DocumentParameters } from './make-document';

type Inputs = Omit<DocumentParameters, 'auditHead'>;

/** The head printed in a kept document made from the same inputs and data, if there is one. */
async function keptHead(
	db: Database,
	projectId: number,
	parameters: Inputs,
	fingerprint: string
): Promise<AuditHead | undefined> {
	const [kept] = await db
		.select({ parameters: documents.parameters })
		.from(documents)
		.where(
			and(
				eq(documents.projectId, projectId),
				eq(documents.templateId, parameters.template),
				eq(documents.templateVersion, parameters.version),
				eq(documents.lang, parameters.lang),
				eq(documents.fingerprint, fingerprint),
				sql`${documents.parameters}->>'date' = ${parameters.date}`,
				sql`${documents.parameters} ? 'auditHead'`
			)
		)
		.orderBy(asc(documents.id))
		.limit(1);
	return (kept?.parameters as DocumentParameters | undefined)?.auditHead;
}

export async function auditHeadFor(
	db: Database,
	projectId: number,
	inputs: Inputs,
	fingerprint: string,
	asked: AuditHead | undefined
): Promise<AuditHead> {
	const head =
		asked ?? (await keptHead(db, projectId, inputs, fingerprint)) ?? (await currentHead(db));
	// Rebuilt in one key order: jsonb hands a kept head back with its keys reordered.
	return { events: head.events, hash: head.hash };
}
