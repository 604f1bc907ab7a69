// Moves the cursor of a textarea to a line and selects it: what a "Line 34" link in an import
// problem does, so the line is found by keyboard and announced by screen readers.

/** The start and end offsets of a 1-based line of the text (the last line when beyond it). */
export function lineRange(text: string, line: number): [number, number] {
	const lines = text.split('\n');
	const at = Math.min(Math.max(line, 1), lines.length) - 1;
	let start = 0;
	for (let i = 0; i < at; i++) start += lines[i]!.length + 1;
	return [start, start + lines[at]!.length];
}

export function goToLine(textareaId: string, line: number): boolean {
	const area = document.getElementById(textareaId);
	if (!(area instanceof HTMLTextAreaElement)) return false;
	const [start, end] = lineRange(area.value, line);
	area.focus();
	area.setSelectionRange(start, end);
	// Bring the line into view: lines are of equal height in the monospace box.
	const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 20;
	area.scrollTop = Math.max(0, (line - 3) * lineHeight);
	area.dispatchEvent(new Event('scroll'));
	return true;
}
