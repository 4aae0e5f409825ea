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

/** A PDF literal string, `(…)`, with its escapes undone. */
const LITERAL = String.raw`\(((?:\\.|[^\\)])*)\)`;
const unescape = (literal: string) => literal.replace(/\\([\\()])/g, '$1');

/**
 * The file's own claims, read from its information dictionary: pdfkit writes a key's value as a
 * literal there or, for custom keys, as an indirect object, so both are looked for. The bytes
 * are decoded once; a kept report runs to megabytes.
 */
function claimsOf(pdf: Buffer): Exclude<Verdict, { genuine: true }>['claims'] {
	const text = pdf.toString('latin1');
	const read = (key: string) => {
		const direct = new RegExp(`/${key}\\s*${LITERAL}`).exec(text);
		if (direct) return unescape(direct[1]!);
		const ref = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(text);
		if (!ref) return undefined;
		const object = new RegExp(`\\n${ref[1]} 0 obj\\s*${LITERAL}`).exec(text);
		return object ? unescape(object[1]!) : undefined;
	};
	const claims = {
		template: read(PDF_KEYS.template),
		version: read(PDF_KEYS.version),
		fingerprint: read(PDF_KEYS.fingerprint),
		project: read(PDF_KEYS.project)
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
