/**
 * The document services the CLI loads only when a document command runs: pdfmake, the canvas
 * and the template engine take seconds to load, which every other command would otherwise pay.
 */
export { referenceMarkdown } from '$lib/domain/documents/field-reference';
export { localReferenceMarkdown } from '$lib/i18n/reference-messages';
export {
	lintTemplate,
	TemplateError,
	templateProblems
} from '$lib/domain/documents/parse-template';
export { templateIssueText } from '$lib/i18n/template-messages';
export {
	makeDocument,
	makeDocx,
	TemplateFailedError,
	UnknownProjectError
} from '$lib/server/documents/make-document';
export { storeDocument } from '$lib/server/documents/store-document';
export { UnknownPlanError } from '$lib/server/documents/load-document-data';
export { mayMakeTemplate } from '$lib/server/access/template-access';
export { failureMarkText, renderFailureText } from '$lib/server/documents/render-failure';
export {
	currentTemplate,
	listTemplates,
	saveTemplateEdit,
	TemplateConflictError,
	templateHistory,
	templateVersion,
	UnknownTemplateError
} from '$lib/server/documents/template-store';
export { templateFailuresOf } from '$lib/server/documents/template-failures';
export { verifyForReader } from '$lib/server/documents/verify-disclosure';
export { templateNames } from '$lib/server/documents/template-summaries';
