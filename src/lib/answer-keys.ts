// The answer form's keyboard shortcuts, shared by the quiz and live sessions: 1–9 choose an
// option, or tick and untick a checkbox (the answer's choices are the only inputs named
// "choice"), and Enter on a chosen option submits. Keys typed into text fields are left alone.

export function isTyping(target: HTMLElement): boolean {
	return (
		target.matches('input:not([type=radio]):not([type=checkbox]), textarea, select') ||
		target.isContentEditable
	);
}

/** Handles a key for an open answer form; true when it did something. */
export function answerKey(event: KeyboardEvent): boolean {
	if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return false;
	const target = event.target as HTMLElement;
	if (/^[1-9]$/.test(event.key) && !isTyping(target)) {
		const box =
			document.querySelectorAll<HTMLInputElement>('input[name=choice]')[Number(event.key) - 1];
		if (!box) return false;
		box.checked = box.type === 'checkbox' ? !box.checked : true;
		box.focus();
		event.preventDefault();
		return true;
	}
	if (event.key === 'Enter' && target.matches('input[type=radio]')) {
		event.preventDefault();
		(target as HTMLInputElement).form?.requestSubmit();
		return true;
	}
	return false;
}
