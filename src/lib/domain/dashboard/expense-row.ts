/** One expense row as a drill-down shows it: what it says, and where it came from. */
export interface ExpenseRowView {
	id: number;
	project: string;
	date: string;
	documentNumber: string;
	payee: string;
	description: string;
	category: string;
	event: number | null;
	amountCents: number;
	batchId: number;
	fileName: string;
	line: number;
	/** The auditor's finding, where the query read it (null: not checked). */
	findingState?: 'verified' | 'queried' | 'ineligible' | null;
	deductedCents?: number | null;
}
