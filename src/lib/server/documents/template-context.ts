/**
 * The fields a document's template reads, for a project, from the template version and data that
 * makeDocument would use, built by the function its render uses: what a document would print,
 * without rendering it.
 */
import type { TemplateScope } from '$lib/domain/documents/build-context';
import type { Database } from '../db';
import { loadDocumentData } from './load-document-data';
import { resolveTemplate, today, UnknownProjectError, type DocumentRequest } from './make-document';
import { renderContext } from './render-job';
import { versionLabel } from './template-store';

export async function templateContext(
	db: Database,
	request: Omit<DocumentRequest, 'auditHead'>
): Promise<TemplateScope> {
	const { template } = await resolveTemplate(db, request);
	const loaded = await loadDocumentData(db, request.project, template.parsed.definition.data);
	if (!loaded) throw new UnknownProjectError(request.project);
	return renderContext(
		{
			label: versionLabel(template),
			source: template.source,
			templateId: template.templateId,
			version: template.version,
			lang: request.lang,
			date: request.date ?? today(),
			data: loaded.data
		},
		template.parsed
	);
}
