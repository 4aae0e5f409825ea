/**
 * One record of an export, judged: accepted as an Expense or a Participation, rejected with the
 * field and the reason, or set aside (blank, totals, another project's row). Pure and per record,
 * so the same file always gives the same judgement, whatever the chunking.
 */
import { parseAmount } from './amounts';
import { classifyExpense } from './classify-expense';
import { classifyParticipation } from './classify-participation';
import { fold, tidy } from './fold';
import type { ClassifyRules, Outcome } from './outcome';
import { cell, readAmount } from './read-fields';
import type { SourceRecord } from './typed-cells';

export type {
	ClassifyRules,
	ExpenseRecord,
	ImportProject,
	Outcome,
	ParticipationRecord,
	RejectCode,
	RowProblem,
	SetAsideReason
} from './outcome';

/** Folded text starting with a totals word; the word ends at a space, since \b knows no Cyrillic. */
const TOTALS_WORDS =
	/^(?:kopa|kopsumma|pavisam|summa kopa|kopa summa|total|totals|grand total|subtotal|sum|starpsumma|itogo|итого)(?: |$)/;

function isTotalsLine(record: SourceRecord, rules: ClassifyRules): boolean {
	const dateField = rules.kind === 'expenses' ? 'date' : 'departure';
	const date = cell(record, rules.columns, dateField);
	// Ledgers print "Kopā" in their first column, which is often the date's. A cell starting with a
	// digit is a date (or a broken one), never that word: the common case skips the folding.
	if (date !== '' && !/^\d/.test(date) && TOTALS_WORDS.test(fold(date))) return true;
	// A dated row, or one with a document or a person, is a record, whatever its text says: a
	// payee called "Total Energies" must not make a real expense vanish as a totals line.
	const owner = cell(
		record,
		rules.columns,
		rules.kind === 'expenses' ? 'documentNumber' : 'person'
	);
	if (date !== '' || (owner !== '' && !TOTALS_WORDS.test(fold(owner)))) return false;
	const filled = record.map(tidy).filter((value) => value !== '');
	if (filled.length === 0) return false;
	// The words lead the line ("Kopā", "Total:"), before any amount.
	if (TOTALS_WORDS.test(fold(filled[0]!))) return true;
	if (rules.kind !== 'expenses') return false;
	// No words and no date: a line holding only amounts is a sum the export added.
	const typed = record.typed;
	if (typed)
		return record.every(
			(value, i) =>
				typed[i]?.kind === 'number' || tidy(value) === '' || parseAmount(value, rules.decimal).ok
		);
	return filled.every((value) => parseAmount(value, rules.decimal).ok);
}

function belongsElsewhere(record: string[], rules: ClassifyRules, own: Set<string>) {
	if (rules.columns.projectCode === undefined) return null;
	const value = cell(record, rules.columns, 'projectCode');
	// Most rows write the code exactly as the project does; only the others need folding.
	return value === rules.project.code || own.has(fold(value)) ? null : value;
}

const ownCodesCache = new WeakMap<ClassifyRules, Set<string>>();
function ownCodes(rules: ClassifyRules): Set<string> {
	let codes = ownCodesCache.get(rules);
	if (!codes) {
		codes = new Set([rules.project.code, ...(rules.values.projectCode ?? [])].map(fold));
		ownCodesCache.set(rules, codes);
	}
	return codes;
}

/**
 * A workbook's record may carry typed cells (`SourceRecord`): a date cell in a date column and a
 * number cell in the amount column are read as they are, any other cell by its text.
 */
export function classifyRecord(record: SourceRecord, line: number, rules: ClassifyRules): Outcome {
	if (record.every((value) => tidy(value) === '')) {
		return { outcome: 'set-aside', line, amountCents: null, reason: 'blank', detail: '' };
	}
	const amountOf = () => {
		const parsed = readAmount(record, rules, cell(record, rules.columns, 'amount'));
		return rules.kind === 'expenses' && parsed.ok ? parsed.cents : null;
	};
	if (isTotalsLine(record, rules)) {
		return { outcome: 'set-aside', line, amountCents: amountOf(), reason: 'totals', detail: '' };
	}
	const extra = record.slice(rules.width);
	if (record.length < rules.width || extra.some((value) => tidy(value) !== '')) {
		return {
			outcome: 'rejected',
			line,
			amountCents: null,
			problems: [
				{
					field: null,
					code: 'field-count',
					value: String(record.length),
					expected: String(rules.width)
				}
			]
		};
	}
	const elsewhere = belongsElsewhere(record, rules, ownCodes(rules));
	if (elsewhere !== null) {
		return {
			outcome: 'set-aside',
			line,
			amountCents: amountOf(),
			reason: 'other-project',
			detail: elsewhere
		};
	}
	return rules.kind === 'expenses'
		? classifyExpense(record, line, rules)
		: classifyParticipation(record, line, rules);
}
