/** Who a record names as its author (an audit event, an import, a template version): the stored email and the person's name. */

/** The email the audit chain and the stores record for cofund's own steps (set-up, nightly jobs). */
export const SYSTEM_EMAIL = 'system';

/** An author as a page shows it: the email the record stores, and the name of the user who has it. */
export interface Author {
	email: string;
	/** Null for cofund itself, and for an email no user has (any more). */
	name: string | null;
}

export const isSystemAuthor = (email: string): boolean => email === SYSTEM_EMAIL;
