// Small helpers for form actions: read fields safely from FormData and keep redirects local.

/** A text field, or '' when missing or not text (a tampered form cannot make it a File). */
export function field(data: FormData, name: string): string {
	const value = data.get(name);
	return typeof value === 'string' ? value : '';
}

/** Only same-site paths: "/classes" yes, "//evil.example" and "https://…" no. */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
		return fallback;
	}
	return next;
}

/**
 * A page's own query without form-action keys ("/save") or the keys named, for a form that
 * posts to one of the page's actions: the page re-rendered after it still has its query.
 */
export function ownQuery(url: URL, ...drop: string[]): [string, string][] {
	return [...url.searchParams].filter(([key]) => !key.startsWith('/') && !drop.includes(key));
}

/** The first message for each field of a failed zod parse. */
export function fieldErrors(issues: { path: PropertyKey[]; message: string }[]) {
	const errors: Record<string, string> = {};
	for (const issue of issues) {
		const key = String(issue.path[0] ?? 'form');
		errors[key] ??= issue.message;
	}
	return errors;
}

/** Form bodies Factdeck accepts are small; imports have their own, larger limit. */
export const MAX_FORM_BYTES = 64 * 1024;

export type FormRead =
	{ ok: true; data: FormData } | { ok: false; status: 400 | 413; message: string };

/**
 * Reads a form body, refusing one over the limit or one that is not a form. The body is
 * always read to its end (the adapter caps it), so the connection stays usable.
 */
export async function readFormChecked(
	request: Request,
	maxBytes = MAX_FORM_BYTES
): Promise<FormRead> {
	let body: ArrayBuffer;
	try {
		body = await request.arrayBuffer();
	} catch {
		return { ok: false, status: 413, message: 'That request is too large.' };
	}
	if (body.byteLength > maxBytes) {
		return {
			ok: false,
			status: 413,
			message: `That request is too large (over ${Math.round(maxBytes / 1024)} KB).`
		};
	}
	try {
		const headers = { 'content-type': request.headers.get('content-type') ?? '' };
		return { ok: true, data: await new Response(body, { headers }).formData() };
	} catch {
		return { ok: false, status: 400, message: 'The form could not be read.' };
	}
}

export async function readForm(
	request: Request,
	maxBytes = MAX_FORM_BYTES
): Promise<FormData | null> {
	const read = await readFormChecked(request, maxBytes);
	return read.ok ? read.data : null;
}
