/**
 * Versions that failed to render: each mark is kept immutable beside its version (which stays as
 * it was) and audited; new documents are made from the newest version without a mark.
 */
import { eq } from 'drizzle-orm';
import type { Database, Queryable } from '../db';
import { templateFailures } from '../db/schema';
import { recordAudit, type Actor } from '../audit/record-audit';
import {
	currentTemplate,
	templateHistory,
	templateVersion,
	type LoadedTemplate
} from './template-store';

/** Why a version is marked: what failed, where in its text, and the limit it hit. */
export interface TemplateFailure {
	templateId: string;
	version: number;
	kind: 'budget' | 'template' | 'memory' | 'timeout';
	problem: string;
	line: number | null;
	limitName: string | null;
	limitValue: number | null;
	project: string;
	lang: string;
	createdBy: string;
	createdAt: Date;
}

/** Marks a version as failed, with an audit event; the version itself stays as it was. */
export async function markTemplateFailed(
	db: Database,
	actor: Actor,
	failure: Omit<TemplateFailure, 'createdBy' | 'createdAt'>
): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.insert(templateFailures).values({ ...failure, createdBy: actor.email });
		await recordAudit(tx, actor, {
			action: 'template.render_failed',
			objectType: 'template',
			objectId: failure.templateId,
			after: failure
		});
	});
}

/** The first failure of each marked version of a template, by version. */
export async function templateFailuresOf(
	db: Queryable,
	templateId: string
): Promise<Map<number, TemplateFailure>> {
	const rows = await db
		.select()
		.from(templateFailures)
		.where(eq(templateFailures.templateId, templateId))
		.orderBy(templateFailures.id);
	const byVersion = new Map<number, TemplateFailure>();
	for (const row of rows)
		if (!byVersion.has(row.version))
			byVersion.set(row.version, { ...row, kind: row.kind as TemplateFailure['kind'] });
	return byVersion;
}

export interface UsableTemplate {
	template: LoadedTemplate;
	/** The newest version, when it is marked failed and an older one is used instead. */
	skipped: TemplateFailure | null;
}

/**
 * The version new documents are made from: the current one, or when it is marked failed the
 * newest version without a mark. When every version is marked, the current one (it will say why).
 */
export async function usableTemplate(db: Database, templateId: string): Promise<UsableTemplate> {
	const current = await currentTemplate(db, templateId);
	const failures = await templateFailuresOf(db, templateId);
	const skipped = failures.get(current.version);
	if (!skipped) return { template: current, skipped: null };
	const good = (await templateHistory(db, templateId)).find((v) => !failures.has(v.version));
	return good
		? { template: await templateVersion(db, templateId, good.version), skipped }
		: { template: current, skipped: null };
}
