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

/** The first message for each field of a failed zod parse. */
export function fieldErrors(issues: { path: PropertyKey[]; message: string }[]) {
	const errors: Record<string, string> = {};
	for (const issue of issues) {
		const key = String(issue.path[0] ?? 'form');
		errors[key] ??= issue.message;
	}
	return errors;
}

/** Form bodies Factdeck accepts are small; this is checked before they are parsed. */
export const MAX_FORM_BYTES = 64 * 1024;

export async function readForm(
	request: Request,
	maxBytes = MAX_FORM_BYTES
): Promise<FormData | null> {
	const length = Number(request.headers.get('content-length') ?? '0');
	if (length > maxBytes) return null;
	try {
		return await request.formData();
	} catch {
		return null;
	}
}
