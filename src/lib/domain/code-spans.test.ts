import { describe, expect, it } from 'vitest';
import { codeSpans } from './code-spans';

describe('codeSpans', () => {
	it('marks each literal as code and keeps the words between', () => {
		expect(
			codeSpans('Set COFUND_BACKUP_DIR to a folder (COFUND_BACKUP_KEEP: 14).', [
				'COFUND_BACKUP_DIR',
				'COFUND_BACKUP_KEEP'
			])
		).toEqual([
			{ text: 'Set ', code: false },
			{ text: 'COFUND_BACKUP_DIR', code: true },
			{ text: ' to a folder (', code: false },
			{ text: 'COFUND_BACKUP_KEEP', code: true },
			{ text: ': 14).', code: false }
		]);
	});

	it('prefers the longer literal, and reads a path with dots and slashes as written', () => {
		expect(
			codeSpans('from /data/audit.key or audit.key', ['audit.key', '/data/audit.key'])
		).toEqual([
			{ text: 'from ', code: false },
			{ text: '/data/audit.key', code: true },
			{ text: ' or ', code: false },
			{ text: 'audit.key', code: true }
		]);
	});

	it('leaves a text with no literal, or no literals asked, as one plain span', () => {
		expect(codeSpans('Nothing here.', ['COFUND_X'])).toEqual([
			{ text: 'Nothing here.', code: false }
		]);
		expect(codeSpans('Nothing here.', [''])).toEqual([{ text: 'Nothing here.', code: false }]);
	});
});
