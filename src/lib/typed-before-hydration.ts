// What a person typed, ticked or chose in a server-rendered form before the page's script had
// loaded. Svelte's hydration writes each `value={...}` and `checked={...}` back into the page
// (https://github.com/sveltejs/svelte/issues/1755), so on a slow phone a name typed into the
// live-session join form was wiped and the Join button then did nothing (the field is required).
// The root layout notes what differs from the page as rendered before its children hydrate, and
// puts it back once they have, with the events a binding listens to.

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface Typed {
	field: Field;
	value?: string;
	checked?: boolean;
	selected?: boolean[];
}

/** The fields in `root` whose state is no longer the one the server rendered. */
export function typedBeforeHydration(root: ParentNode): Typed[] {
	const typed: Typed[] = [];
	for (const field of root.querySelectorAll<Field>('input, textarea, select')) {
		if (field instanceof HTMLSelectElement) {
			const selected = [...field.options].map((o) => o.selected);
			if (selected.some((s, i) => s !== field.options[i]!.defaultSelected)) {
				typed.push({ field, selected });
			}
		} else if (field instanceof HTMLInputElement && /^(checkbox|radio)$/.test(field.type)) {
			if (field.checked !== field.defaultChecked) typed.push({ field, checked: field.checked });
		} else if (
			field.type !== 'hidden' &&
			field.type !== 'file' &&
			field.value !== field.defaultValue
		) {
			typed.push({ field, value: field.value });
		}
	}
	return typed;
}

/** Puts back what hydration overwrote, telling the page's bindings as typing would. */
export function restoreTyped(typed: readonly Typed[]): void {
	for (const { field, value, checked, selected } of typed) {
		if (!field.isConnected) continue;
		let changed = false;
		if (value !== undefined && field.value !== value) {
			field.value = value;
			changed = true;
		}
		if (checked !== undefined && field instanceof HTMLInputElement && field.checked !== checked) {
			field.checked = checked;
			changed = true;
		}
		if (selected && field instanceof HTMLSelectElement) {
			selected.forEach((s, i) => {
				const option = field.options[i];
				if (option && option.selected !== s) {
					option.selected = s;
					changed = true;
				}
			});
		}
		if (changed) {
			field.dispatchEvent(new Event('input', { bubbles: true }));
			field.dispatchEvent(new Event('change', { bubbles: true }));
		}
	}
}
