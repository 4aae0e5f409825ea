/**
 * Tells whether a PDF is one that cofund made, and whether what it was made from is still the
 * same. Genuine means: these exact bytes were made and kept here (their SHA-256 is on record).
 * For a genuine document the data is read again and fingerprinted; if it differs, the stored
 * snapshot says what changed. A file that names a cofund fingerprint but is not on record has
 * been altered, or was made elsewhere.
 */
import { desc, eq } from 'drizzle-orm';
import { dataChanges, type DataChange } from '$lib/domain/documents/data-changes';
import type { DataPart } from '$lib/domain/documents/document-data';
import type { Database } from '../db';
import { documents, projects } from '../db/schema';
import { fingerprintOf, loadDocumentData, sha256Hex, unpackSnapshot } from './load-document-data';
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
			claims: {
				template?: string;
				version?: string;
				fingerprint?: string;
				project?: string;
			} | null;
			/** A genuine document with the same claimed fingerprint and template, if there is one. */
			original: DocumentRecord | null;
			/** Set when a row has these bytes but the audit log recorded another hash, or none. */
			record?: { id: number; logged: string | null };
	  }
	| {
			genuine: true;
			sha256: string;
			document: DocumentRecord;
			data: { same: true } | { same: false; fingerprint: string | null; changes: DataChange[] };
			template: { same: boolean; newest: number };
	  };

const CLAIM_KEYS = [PDF_KEYS.template, PDF_KEYS.version, PDF_KEYS.fingerprint, PDF_KEYS.project];

/** The file's own claims, read from its information dictionary by a linear reader. */
function claimsOf(pdf: Buffer): Exclude<Verdict, { genuine: true }>['claims'] {
	const found = readPdfStrings(pdf, CLAIM_KEYS);
	const claims = {
		template: found.get(PDF_KEYS.template),
		version: found.get(PDF_KEYS.version),
		fingerprint: found.get(PDF_KEYS.fingerprint),
		project: found.get(PDF_KEYS.project)
	};
	return Object.values(claims).some((v) => v !== undefined) ? claims : null;
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
		const claims = claimsOf(pdf);
		const [original] = claims?.fingerprint
			? await db
					.select(recordColumns)
					.from(documents)
					.innerJoin(projects, eq(projects.id, documents.projectId))
					.where(eq(documents.fingerprint, claims.fingerprint))
					.orderBy(desc(documents.id))
					.limit(1)
			: [];
		return { genuine: false, sha256, claims, original: original ? asRecord(original) : null };
	}
	const record = await recordMismatch(db, found.id, sha256);
	if (record) return { genuine: false, sha256, claims: claimsOf(pdf), original: null, record };

	const document = asRecord(found);
	const before = unpackSnapshot(found.snapshot);
	const parts: DataPart[] = ['plan'];
	if (before.expenses) parts.push('expenses');
	if (before.trips) parts.push('trips');
	const now = await loadDocumentData(db, document.project, parts);
	const newest = (await templateHistory(db, document.parameters.template))[0]?.version ?? 0;
	const template = { same: newest === document.parameters.version, newest };
	if (!now)
		return {
			genuine: true,
			sha256,
			document,
			template,
			data: { same: false, fingerprint: null, changes: [] }
		};
	const { fingerprint } = fingerprintOf(now.data);
	if (fingerprint === document.fingerprint)
		return { genuine: true, sha256, document, template, data: { same: true } };
	return {
		genuine: true,
		sha256,
		document,
		template,
		data: { same: false, fingerprint, changes: dataChanges(before, now.data) }
	};
}
