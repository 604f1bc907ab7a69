// Reading a source's text from a submitted form: an uploaded .txt, .md or .html file, or text
// pasted in the box (stored as it is: pasted HTML is text, shown escaped). Every refusal is a
// message for the form, from text-extract.ts.
import {
	extractText,
	formatOf,
	maxHtmlBytes,
	maxTextBytes,
	TextExtractError
} from './text-extract';

/** Room for the largest saved web page, the box, and the form around them. */
export const MAX_SOURCE_REQUEST_BYTES = maxHtmlBytes + 512 * 1024;

export type ReadText =
	| { ok: true; text: string; title?: string; fileName?: string }
	| { ok: false; message: string; field: 'text' | 'file' };

export async function readSourceText(data: FormData): Promise<ReadText> {
	const file = data.get('file');
	try {
		if (file instanceof File && file.size > 0) {
			const extracted = extractText(new Uint8Array(await file.arrayBuffer()), formatOf(file.name));
			return { ok: true, ...extracted, fileName: file.name };
		}
		const pasted = data.get('text');
		if (typeof pasted !== 'string' || pasted.trim() === '') {
			return {
				ok: false,
				field: 'text',
				message: 'Paste the text, or upload it as a .txt, .md or .html file.'
			};
		}
		// Said of the text, not of a file: the box's limit is the text's.
		const bytes = new TextEncoder().encode(pasted).byteLength;
		if (bytes > maxTextBytes) {
			return {
				ok: false,
				field: 'text',
				message: `The text is ${Math.ceil(bytes / 1024)} KB; a source may be at most ${maxTextBytes / 1024} KB.`
			};
		}
		return { ok: true, ...extractText(pasted, 'txt') };
	} catch (error) {
		if (error instanceof TextExtractError) {
			return {
				ok: false,
				field: file instanceof File && file.size > 0 ? 'file' : 'text',
				message: error.message
			};
		}
		throw error;
	}
}
