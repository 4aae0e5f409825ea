/**
 * Tells whether a PDF is one that cofund made, and whether what it was made from is still the
 * same. Genuine means: these exact bytes were made and kept here (their SHA-256 is on record).
 * For a genuine document the data is read again and fingerprinted; if it differs, the stored
 * snapshot says what changed. A file that names a cofund fingerprint but is not on record has
 * been altered, or was made elsewhere.
 */
import canonicalize from 'canonicalize';
import { and, desc, eq, sql } from 'drizzle-orm';
import { dataChanges, type DataChange } from '$lib/domain/documents/data-changes';
import type { DataPart } from '$lib/domain/documents/document-data';
import type { Database } from '../db';
import { documents, projects } from '../db/schema';
import {
	fingerprintOf,
	loadDocumentData,
	sha256Hex,
	UnknownPlanError,
	unpackSnapshot
} from './load-document-data';
import { PDF_KEYS, type DocumentParameters } from './make-document';
import { readPdfStrings } from './pdf-claims';
import { templateHistory } from './template-store';
import { recordMismatch } from './document-record-check';

export interface DocumentRecord {
	id: number;
	project: string;
	parameters: DocumentParameters;
	fingerprint: string;
	sha256: string;
	createdBy: string;
	createdAt: Date;
}

export type Verdict =
	| {
			genuine: false;
			sha256: string;
			/** What the file says about itself, when it carries cofund's keys. */
			claims: Claims | null;
			/**
			 * The genuine document the file claims to be, if there is one: the same project,
			 * template, version, language, date and data fingerprint (and, of several, the one
			 * with the same audit head). Never merely one with the same data.
			 */
			original: DocumentRecord | null;
			/** Set when a row has these bytes but the audit log recorded another hash, or none. */
			record?: { id: number; logged: string | null };
	  }
	| {
			genuine: true;
			sha256: string;
			document: DocumentRecord;
			data:
				| { same: true }
				| {
						same: false;
						fingerprint: string | null;
						changes: DataChange[];
						/** The plan's currency, in which the changes' amounts are written. */
						currency: string;
				  };
			template: { same: boolean; newest: number };
	  };

/** What a file says about itself, when it carries cofund's keys. */
export interface Claims {
	template?: string;
	version?: string;
	fingerprint?: string;
	project?: string;
	/** From the parameters the file carries: its language and date. */
	lang?: string;
	date?: string;
}

const CLAIM_KEYS = [
	PDF_KEYS.template,
	PDF_KEYS.version,
	PDF_KEYS.fingerprint,
	PDF_KEYS.project,
	PDF_KEYS.parameters
];

/** The parameters' JSON as the file carries it; anything unreadable claims nothing. */
function claimedParameters(text: string | undefined): Partial<DocumentParameters> {
	if (text === undefined) return {};
	try {
		const value: unknown = JSON.parse(text);
		return typeof value === 'object' && value !== null
			? (value as Partial<DocumentParameters>)
			: {};
	} catch {
		return {};
	}
}

/** The file's own claims, read from its information dictionary by a linear reader. */
function claimsOf(pdf: Buffer): { claims: Claims | null; auditHead: unknown } {
	const found = readPdfStrings(pdf, CLAIM_KEYS);
	const parameters = claimedParameters(found.get(PDF_KEYS.parameters));
	const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
	const claims: Claims = {
		template: found.get(PDF_KEYS.template),
		version: found.get(PDF_KEYS.version),
		fingerprint: found.get(PDF_KEYS.fingerprint),
		project: found.get(PDF_KEYS.project),
		lang: text(parameters.lang),
		date: text(parameters.date)
	};
	const some = Object.values(claims).some((v) => v !== undefined);
	return { claims: some ? claims : null, auditHead: parameters.auditHead };
}

/**
 * The genuine document an altered file claims to be. Its data fingerprint alone is not enough:
 * the LV and the EN annex of one plan share it, and so do two dates of one report.
 */
async function claimedOriginal(
	db: Database,
	claims: Claims | null,
	auditHead: unknown
): Promise<DocumentRecord | null> {
	const version = Number(claims?.version);
	if (!claims?.template || !claims.fingerprint || !claims.project || !claims.lang || !claims.date)
		return null;
	if (!Number.isInteger(version)) return null;
	const rows = await db
		.select(recordColumns)
		.from(documents)
		.innerJoin(projects, eq(projects.id, documents.projectId))
		.where(
			and(
				eq(projects.code, claims.project),
				eq(documents.templateId, claims.template),
				eq(documents.templateVersion, version),
				eq(documents.lang, claims.lang),
				eq(documents.fingerprint, claims.fingerprint),
				sql`${documents.parameters}->>'date' = ${claims.date}`
			)
		)
		.orderBy(desc(documents.id));
	const head = canonicalize(auditHead);
	const same = rows.find(
		(row) => canonicalize((row.parameters as DocumentParameters).auditHead) === head
	);
	const original = same ?? rows[0];
	return original ? asRecord(original) : null;
}

const recordColumns = {
	id: documents.id,
	project: projects.code,
	parameters: documents.parameters,
	fingerprint: documents.fingerprint,
	sha256: documents.sha256,
	createdBy: documents.createdBy,
	createdAt: documents.createdAt,
	templateId: documents.templateId
};

function asRecord(
	row: { parameters: unknown } & Omit<DocumentRecord, 'parameters'>
): DocumentRecord {
	return {
		id: row.id,
		project: row.project,
		parameters: row.parameters as DocumentParameters,
		fingerprint: row.fingerprint,
		sha256: row.sha256,
		createdBy: row.createdBy,
		createdAt: row.createdAt
	};
}

export async function verifyDocument(db: Database, pdf: Buffer): Promise<Verdict> {
	const sha256 = sha256Hex(pdf);
	const [found] = await db
		.select({ ...recordColumns, snapshot: documents.snapshot })
		.from(documents)
		.innerJoin(projects, eq(projects.id, documents.projectId))
		.where(eq(documents.sha256, sha256));
	if (!found) {
		const { claims, auditHead } = claimsOf(pdf);
		const original = await claimedOriginal(db, claims, auditHead);
		return { genuine: false, sha256, claims, original };
	}
	const record = await recordMismatch(db, found.id, sha256);
	if (record)
		return { genuine: false, sha256, claims: claimsOf(pdf).claims, original: null, record };

	const document = asRecord(found);
	const before = unpackSnapshot(found.snapshot);
	const parts: DataPart[] = ['plan'];
	if (before.expenses) parts.push('expenses');
	if (before.trips) parts.push('trips');
	if (before.narratives) parts.push('narratives');
	if (before.versions) parts.push('versions');
	if (before.control) parts.push('control');
	// Its decision's record now (a correction shows, a later amendment does not); a document made
	// before versions existed reads the plan in force, as it always did.
	const now = await loadDocumentData(db, document.project, parts, {
		recordOf: document.parameters.plan
	}).catch((error: unknown) => {
		if (error instanceof UnknownPlanError) return null;
		throw error;
	});
	const newest = (await templateHistory(db, document.parameters.template))[0]?.version ?? 0;
	const template = { same: newest === document.parameters.version, newest };
	if (!now)
		return {
			genuine: true,
			sha256,
			document,
			template,
			data: { same: false, fingerprint: null, changes: [], currency: before.plan.currency }
		};
	const { fingerprint } = fingerprintOf(now.data);
	if (fingerprint === document.fingerprint)
		return { genuine: true, sha256, document, template, data: { same: true } };
	return {
		genuine: true,
		sha256,
		document,
		template,
		data: {
			same: false,
			fingerprint,
			changes: dataChanges(before, now.data),
			currency: now.data.plan.currency
		}
	};
}
