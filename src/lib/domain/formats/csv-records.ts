// CSV as RFC 4180 records: fields split on commas, quoted fields holding commas, doubled
// quotes and line breaks, each record with the line it starts on.
import type { CsvError } from './csv';

export interface CsvRecord {
	/** The line the record starts on (a quoted field may span lines). */
	line: number;
	fields: string[];
}

/** Splits CSV text into records; quoted fields may hold commas, quotes ("") and line breaks. */
export function readCsvRecords(source: string): { records: CsvRecord[]; errors: CsvError[] } {
	const input = source.replace(/^\uFEFF/, '');
	const records: CsvRecord[] = [];
	const errors: CsvError[] = [];
	let line = 1;
	let i = 0;
	while (i < input.length) {
		const start = line;
		const fields: string[] = [];
		let field = '';
		let done = false;
		let broken = false;
		while (!done) {
			if (input[i] === '"') {
				const opened = line;
				i++;
				for (;;) {
					if (i >= input.length) {
						errors.push({ line: opened, message: 'a quoted field is never closed' });
						broken = true;
						break;
					}
					const c = input[i]!;
					if (c === '"' && input[i + 1] === '"') {
						field += '"';
						i += 2;
					} else if (c === '"') {
						i++;
						break;
					} else {
						if (c === '\n' || (c === '\r' && input[i + 1] !== '\n')) line++;
						field += c;
						i++;
					}
				}
				if (broken) {
					i = input.length;
					break;
				}
				if (i < input.length && input[i] !== ',' && input[i] !== '\r' && input[i] !== '\n') {
					errors.push({
						line,
						message: 'text after a closing quote (double a quote inside a field: "")'
					});
					while (i < input.length && input[i] !== ',' && input[i] !== '\r' && input[i] !== '\n')
						field += input[i++];
				}
			} else {
				while (i < input.length && input[i] !== ',' && input[i] !== '\r' && input[i] !== '\n')
					field += input[i++];
			}
			fields.push(field);
			field = '';
			if (input[i] === ',') {
				i++;
			} else {
				// End of record: CRLF, LF, CR or the end of the text.
				if (input[i] === '\r') i++;
				if (input[i] === '\n') i++;
				line++;
				done = true;
			}
		}
		if (!broken) records.push({ line: start, fields });
	}
	return { records, errors };
}
