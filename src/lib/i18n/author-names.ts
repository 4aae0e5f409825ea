/** How an author is named to a reader: a person by name, cofund itself in the reader's language. */
import { isSystemAuthor, type Author } from '$lib/domain/author';
import type { Locale } from '$lib/domain/locale';
import { m } from '$lib/paraglide/messages.js';

/** The person's name, else the email; cofund's own steps as "cofund (system)". */
export function authorName(author: Author, locale?: Locale): string {
	if (isSystemAuthor(author.email)) return m.nm_system_actor({}, locale ? { locale } : {});
	return author.name ?? author.email;
}

/** The email to show beside or under the name; none for cofund itself, which has no address. */
export function authorEmail(author: Author): string | null {
	return isSystemAuthor(author.email) ? null : author.email;
}

/** Name and email on one line, for the CLI: `Anna Bērziņa <anna@example.lv>`. */
export function authorLine(author: Author, locale?: Locale): string {
	const email = authorEmail(author);
	const name = authorName(author, locale);
	return email && name !== email ? `${name} <${email}>` : name;
}
