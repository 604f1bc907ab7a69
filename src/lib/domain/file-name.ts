// File names for downloads, from titles a teacher or the content wrote.

/** "Xi in Moscow: the quiz!" → "xi-in-moscow-the-quiz": safe in any file system and header. */
export function fileStem(title: string, fallback: string): string {
	const stem = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return stem || fallback;
}
