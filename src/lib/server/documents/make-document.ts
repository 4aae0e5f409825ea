/**
 * Makes a document: template version → data → context → model → charts → PDF. The PDF's date is
 * the document's date parameter, never the clock, and its information dictionary names the
 * template version, the data fingerprint and the audit chain's head, so the same inputs give the
 * same bytes and an auditor can tell what a file claims to be. `storeDocument`
 * (store-document.ts) keeps it, immutable, with all of that. The rendering itself runs in a worker thread (`render-pool.ts`); a
 * version whose render fails is marked, and documents asked for without a version are made from
 * the last good one. `makeDocx` makes the same document as a Word file, from the same data and
 * model, with the same keys in its properties; the PDF stays the record that is kept and verified.
 */
import type { Locale } from '$lib/domain/locale';
import { officeToday } from '$lib/domain/format';
import { TemplateError } from '$lib/domain/documents/parse-template';
import type { RenderLimits } from '$lib/domain/documents/render-budget';
import type { Database } from '../db';
import { SYSTEM_ACTOR, type Actor } from '../audit/record-audit';
import { fingerprintInTurns, loadDocumentData, sha256Hex } from './load-document-data';
import {
	DocumentRenderError,
	renderInWorker,
	WORKER_LIMITS,
	type WorkerLimits
} from './render-pool';
import { templateVersion, versionLabel, type LoadedTemplate } from './template-store';
import {
	markTemplateFailed,
	usableTemplate,
	type TemplateFailure,
	type UsableTemplate
} from './template-failures';
import type { AuditHead } from '../audit/audit-anchor';
import { auditHeadFor } from './document-audit-head';
import type { DocumentFormat, RenderInput } from './render-job';

export interface DocumentRequest {
	project: string;
	template: string;
	lang: Locale;
	/** A template version; the current one when absent. */
	version?: number | undefined;
	/** The date the document carries (YYYY-MM-DD); today when absent. */
	date?: string | undefined;
	/** A plan version number (drafts too); the plan in force now when absent, as is `decision`. */
	plan?: number | undefined;
	/** A decision number: the record of that decision. Ignored when `plan` is given. */
	decision?: string | undefined;
	/**
	 * The audit head to print; when absent, the one a document kept from these same inputs
	 * printed (so that making it again gives its bytes), else the chain's head now.
	 */
	auditHead?: AuditHead | undefined;
}

/** How a render may be run: who asked (named on a failure mark), and lower caps for tests. */
export interface MakeOptions {
	actor?: Actor;
	budget?: RenderLimits;
	worker?: WorkerLimits;
}

/** The inputs besides the data, as stored and as written into the PDF. */
export interface DocumentParameters {
	project: string;
	template: string;
	version: number;
	lang: Locale;
	date: string;
	/**
	 * The plan version the data was read from, so that making it again reads the same one.
	 * Absent in documents made before plans had versions: those read the plan in force.
	 */
	plan?: number;
	/** The audit chain's head when the document was first made: a copy of it outside the database. */
	auditHead?: AuditHead;
}

export interface MadeDocument {
	pdf: Buffer;
	sha256: string;
	fingerprint: string;
	parameters: DocumentParameters;
	projectId: number;
	/** The canonical JSON of the data; kept gzip'd beside a stored document. */
	canonical: string;
	fileName: string;
	/** The newest version, when it is marked failed and this document was made from an older one. */
	skipped: TemplateFailure | null;
}

export class UnknownProjectError extends Error {
	constructor(readonly code: string) {
		super(`no project ${code}`);
		this.name = 'UnknownProjectError';
	}
}

/**
 * A render failed because of its template version, which is now marked as failed: `cause` says
 * why, and `fallback` is the version documents are made from instead (null when there is none).
 */
export class TemplateFailedError extends Error {
	constructor(
		readonly reason: TemplateError | DocumentRenderError,
		readonly templateId: string,
		readonly version: number,
		readonly fallback: number | null
	) {
		super(`${templateId} v${version} failed and is marked so: ${reason.message}`);
		this.name = 'TemplateFailedError';
	}
}

/** The keys cofund writes into a PDF's information dictionary. */
export const PDF_KEYS = {
	template: 'CofundTemplate',
	version: 'CofundTemplateVersion',
	fingerprint: 'CofundFingerprint',
	project: 'CofundProject',
	parameters: 'CofundParameters',
	auditHead: 'CofundAuditHead'
} as const;

/** A document's default date: the office's today (Riga), never the UTC date. */
export const today = (now?: Date) => officeToday(now);

export async function resolveTemplate(
	db: Database,
	request: Pick<DocumentRequest, 'template' | 'version'>
): Promise<UsableTemplate> {
	return request.version === undefined
		? usableTemplate(db, request.template)
		: { template: await templateVersion(db, request.template, request.version), skipped: null };
}

/** The mark a failure leaves, or null when the failure is not the template's (a crash). */
function failureOf(
	error: unknown,
	template: LoadedTemplate,
	request: DocumentRequest
): Omit<TemplateFailure, 'createdBy' | 'createdAt'> | null {
	const base = {
		templateId: template.templateId,
		version: template.version,
		project: request.project,
		lang: request.lang
	};
	if (error instanceof TemplateError)
		return {
			...base,
			kind: error.budget ? 'budget' : 'template',
			problem: error.problem,
			line: error.line,
			limitName: error.budget?.kind ?? null,
			limitValue: error.budget?.limit ?? null
		};
	if (error instanceof DocumentRenderError && error.kind !== 'crashed')
		return {
			...base,
			kind: error.kind,
			problem: error.message,
			line: null,
			limitName: error.kind === 'memory' ? 'memoryMb' : 'timeoutMs',
			limitValue: error.limit
		};
	return null;
}

/** A document made as a Word file: not kept, so it has no canonical data beside it. */
export interface MadeDocx extends Omit<MadeDocument, 'pdf' | 'canonical'> {
	docx: Buffer;
}

type Made = Omit<MadeDocument, 'pdf'> & { bytes: Buffer };

export async function makeDocument(
	db: Database,
	request: DocumentRequest,
	options: MakeOptions = {}
): Promise<MadeDocument> {
	const { bytes, ...made } = await makeFile(db, request, 'pdf', options);
	return { pdf: bytes, ...made };
}

export async function makeDocx(
	db: Database,
	request: DocumentRequest,
	options: MakeOptions = {}
): Promise<MadeDocx> {
	const { bytes, canonical: _canonical, ...made } = await makeFile(db, request, 'docx', options);
	return { docx: bytes, ...made };
}

/** A document ready to render: the worker's input and what is known of the result before it. */
export interface PreparedDocument {
	input: RenderInput;
	template: LoadedTemplate;
	skipped: TemplateFailure | null;
	fingerprint: string;
	canonical: string;
	parameters: DocumentParameters;
	projectId: number;
}

/** Reads everything a render needs; the render itself needs no database (`render-job`). */
export async function prepareDocument(
	db: Database,
	request: DocumentRequest,
	format: DocumentFormat = 'pdf',
	budget?: RenderLimits
): Promise<PreparedDocument> {
	const { template, skipped } = await resolveTemplate(db, request);
	const { definition } = template.parsed;
	const loaded = await loadDocumentData(db, request.project, definition.data, request);
	if (!loaded) throw new UnknownProjectError(request.project);
	const { data, projectId, plan } = loaded;
	const { fingerprint, canonical } = await fingerprintInTurns(data);
	const inputs: Omit<DocumentParameters, 'auditHead'> = {
		project: data.plan.code,
		template: template.templateId,
		version: template.version,
		lang: request.lang,
		date: request.date ?? today(),
		...(plan === null ? {} : { plan })
	};
	const auditHead = await auditHeadFor(db, projectId, inputs, fingerprint, request.auditHead);
	const parameters: DocumentParameters = { ...inputs, auditHead };
	const input: RenderInput = {
		label: versionLabel(template),
		source: template.source,
		templateId: template.templateId,
		version: template.version,
		lang: request.lang,
		date: parameters.date,
		data,
		keys: {
			[PDF_KEYS.template]: template.templateId,
			[PDF_KEYS.version]: String(template.version),
			[PDF_KEYS.fingerprint]: fingerprint,
			[PDF_KEYS.project]: data.plan.code,
			[PDF_KEYS.parameters]: JSON.stringify(parameters),
			[PDF_KEYS.auditHead]: `${auditHead.events} ${auditHead.hash}`
		},
		limits: budget,
		format
	};
	return { input, template, skipped, fingerprint, canonical, parameters, projectId };
}

async function makeFile(
	db: Database,
	request: DocumentRequest,
	format: DocumentFormat,
	options: MakeOptions
): Promise<Made> {
	const prepared = await prepareDocument(db, request, format, options.budget);
	const { template, parameters } = prepared;
	let bytes: Buffer;
	try {
		bytes = await renderInWorker(prepared.input, options.worker ?? WORKER_LIMITS);
	} catch (error) {
		const failure = failureOf(error, template, request);
		if (!failure) throw error;
		await markTemplateFailed(db, options.actor ?? SYSTEM_ACTOR, failure);
		const next = await usableTemplate(db, template.templateId);
		throw new TemplateFailedError(
			error as TemplateError | DocumentRenderError,
			template.templateId,
			template.version,
			next.template.version === template.version ? null : next.template.version
		);
	}
	return {
		bytes,
		sha256: sha256Hex(bytes),
		fingerprint: prepared.fingerprint,
		parameters,
		projectId: prepared.projectId,
		canonical: prepared.canonical,
		fileName: `${parameters.project}-${template.templateId}-${request.lang}-v${template.version}-${parameters.date}.${format}`,
		skipped: prepared.skipped
	};
}
