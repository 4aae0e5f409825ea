/**
 * Template versions: the files in templates/ are the defaults, and every text a document was
 * ever made from is kept as a numbered version, so any earlier document can be made again.
 * The current version is the newest one; a default file that changed on disk becomes a new
 * version unless someone has edited the template in the app since. A version that failed while a
 * document was rendered from it is marked (`template_failures`), and new documents are made from
 * the newest version without a mark.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { and, desc, eq, sql } from 'drizzle-orm';
import {
	parseTemplate,
	TemplateError,
	type ParsedTemplate
} from '$lib/domain/documents/parse-template';
import type { Database, Queryable } from '../db';
import { documents, projects, templateVersions } from '../db/schema';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/record-audit';
import { fromPackageRoot } from '../package-root';

export interface TemplateVersion {
	templateId: string;
	version: number;
	origin: 'file' | 'edit';
	source: string;
	sha256: string;
	createdBy: string;
	createdAt: Date;
}

export interface LoadedTemplate extends TemplateVersion {
	parsed: ParsedTemplate;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The folder of default templates; COFUND_TEMPLATES_DIR points elsewhere (tests, a municipality's own set). */
export function templatesDir(env: NodeJS.ProcessEnv = process.env): string {
	return env.COFUND_TEMPLATES_DIR?.trim() || fromPackageRoot('templates');
}

/** The default template files by id: `templates/<id>.yaml`. */
export function defaultTemplateFiles(dir = templatesDir()): Map<string, string> {
	const files = new Map<string, string>();
	if (!existsSync(dir)) return files;
	for (const name of readdirSync(dir).sort())
		if (name.endsWith('.yaml')) files.set(name.slice(0, -'.yaml'.length), `${dir}/${name}`);
	return files;
}

/** The name errors give for a version: the file for a default, "id v3" for an edit. */
export function versionLabel(
	v: Pick<TemplateVersion, 'templateId' | 'version' | 'origin'>
): string {
	return v.origin === 'file'
		? `templates/${v.templateId}.yaml (v${v.version})`
		: `${v.templateId} v${v.version}`;
}

export class UnknownTemplateError extends Error {
	constructor(
		readonly templateId: string,
		readonly version?: number
	) {
		super(
			version === undefined
				? `no template ${templateId}`
				: `no version ${version} of template ${templateId}`
		);
		this.name = 'UnknownTemplateError';
	}
}

function load(row: TemplateVersion): LoadedTemplate {
	return { ...row, parsed: parseTemplate(versionLabel(row), row.source) };
}

async function latest(db: Queryable, templateId: string): Promise<TemplateVersion | undefined> {
	const [row] = await db
		.select()
		.from(templateVersions)
		.where(eq(templateVersions.templateId, templateId))
		.orderBy(desc(templateVersions.version))
		.limit(1);
	return row;
}

/**
 * The projects a new version of a template affects. Templates are shared: the next document of
 * it that any project makes uses the new version, so it affects every project. Those that have
 * kept documents of it are named apart: their documents now verify as made from an older one.
 */
async function affectedProjects(tx: Queryable, templateId: string) {
	const all = await tx.select({ code: projects.code }).from(projects).orderBy(projects.code);
	const kept = await tx
		.selectDistinct({ code: projects.code })
		.from(documents)
		.innerJoin(projects, eq(projects.id, documents.projectId))
		.where(eq(documents.templateId, templateId))
		.orderBy(projects.code);
	return { projects: all.map((p) => p.code), withKeptDocuments: kept.map((p) => p.code) };
}

async function insertVersion(
	db: Database,
	actor: Actor,
	templateId: string,
	origin: 'file' | 'edit',
	source: string,
	/** Inserts only when the newest version is still this one; else another writer came first. */
	expected: number | null
): Promise<TemplateVersion> {
	return db.transaction(async (tx) => {
		await tx.execute(
			sql`select pg_advisory_xact_lock(hashtext(${'cofund template ' + templateId}))`
		);
		const newest = await latest(tx, templateId);
		if ((newest?.version ?? null) !== expected && origin === 'file' && newest) return newest;
		if ((newest?.version ?? null) !== expected)
			throw new TemplateConflictError(templateId, newest?.version ?? 0);
		const [row] = await tx
			.insert(templateVersions)
			.values({
				templateId,
				version: (newest?.version ?? 0) + 1,
				origin,
				source,
				sha256: sha256(source),
				createdBy: actor.email
			})
			.returning();
		await recordAudit(tx, actor, {
			action: origin === 'edit' ? 'template.edit' : 'template.register',
			objectType: 'template',
			objectId: templateId,
			before: newest ? { version: newest.version, sha256: newest.sha256 } : null,
			after: {
				version: row!.version,
				sha256: row!.sha256,
				origin,
				affects: await affectedProjects(tx, templateId)
			}
		});
		return row!;
	});
}

export class TemplateConflictError extends Error {
	constructor(
		readonly templateId: string,
		readonly newest: number
	) {
		super(`template ${templateId} changed meanwhile (now v${newest})`);
		this.name = 'TemplateConflictError';
	}
}

/**
 * The version a new document uses: the newest, after taking in a default file that changed.
 * Taking in a file is the system's doing, whoever happened to ask first.
 */
export async function currentTemplate(db: Database, templateId: string): Promise<LoadedTemplate> {
	const actor = SYSTEM_ACTOR;
	const file = defaultTemplateFiles().get(templateId);
	const newest = await latest(db, templateId);
	if (file) {
		const source = readFileSync(file, 'utf8');
		const fileChanged = !newest || (newest.origin === 'file' && newest.sha256 !== sha256(source));
		if (fileChanged) {
			// A broken default file fails here with its own path and line, before it is kept.
			parseTemplate(file.slice(file.lastIndexOf('templates/')), source);
			return load(
				await insertVersion(db, actor, templateId, 'file', source, newest?.version ?? null)
			);
		}
	}
	if (!newest) throw new UnknownTemplateError(templateId);
	return load(newest);
}

export async function templateVersion(
	db: Queryable,
	templateId: string,
	version: number
): Promise<LoadedTemplate> {
	const [row] = await db
		.select()
		.from(templateVersions)
		.where(and(eq(templateVersions.templateId, templateId), eq(templateVersions.version, version)));
	if (!row) throw new UnknownTemplateError(templateId, version);
	return load(row);
}

export async function templateHistory(
	db: Queryable,
	templateId: string
): Promise<TemplateVersion[]> {
	return db
		.select()
		.from(templateVersions)
		.where(eq(templateVersions.templateId, templateId))
		.orderBy(desc(templateVersions.version));
}

/**
 * Keeps an edited template as a new version, after checking it fully: a text that fails to parse
 * or names an unknown field is refused with its line and nothing is stored. `basedOn` is the
 * version the editor started from, so two people editing at once do not overwrite each other.
 */
export async function saveTemplateEdit(
	db: Database,
	actor: Actor,
	templateId: string,
	source: string,
	basedOn: number,
	/** What errors call the text: the file it came from, or the editor. */
	label = `${templateId} (edit)`
): Promise<TemplateVersion> {
	const parsed = parseTemplate(label, source);
	if (parsed.definition.template !== templateId)
		throw new TemplateError(
			label,
			parsed.lineAt(['template']),
			`the template id must stay ${templateId}`,
			undefined,
			{ code: 'id_changed', params: { id: templateId } }
		);
	return insertVersion(db, actor, templateId, 'edit', source, basedOn);
}

/** The templates there are: every default file and every id that has versions. */
export async function listTemplates(
	db: Queryable
): Promise<{ id: string; newest: TemplateVersion | null }[]> {
	const rows = await db
		.selectDistinctOn([templateVersions.templateId])
		.from(templateVersions)
		.orderBy(templateVersions.templateId, desc(templateVersions.version));
	const ids = new Set([...defaultTemplateFiles().keys(), ...rows.map((r) => r.templateId)]);
	return [...ids]
		.sort()
		.map((id) => ({ id, newest: rows.find((r) => r.templateId === id) ?? null }));
}
