// The teacher area for question sets, as a teacher and a learner use it: a set built by hand
// with every question type, imports from GIFT and CSV, publishing, assigning, a learner taking
// it, and the class report; generating from facts; import errors; and that nothing a teacher
// writes ever runs as a script.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { createSet, signUp, uniqueName } from './helpers';

const fixture = (name: string) => path.resolve('tests/fixtures', name);

/** Opens the editor for a new question of the type whose label starts with `type`. */
async function newQuestion(page: Page, setId: string, type: string) {
	await page.goto(`/teach/sets/${setId}`);
	await page.getByRole('link', { name: 'Add a question' }).click();
	await page.getByRole('radio', { name: new RegExp(`^${type}`) }).check();
	await page.getByRole('button', { name: 'Continue' }).click();
}

async function save(page: Page) {
	await page.getByRole('button', { name: 'Add to the set' }).click();
	await expect(page.getByRole('status')).toContainText('Question added.');
}

const label = (page: Page, text: string) => page.getByLabel(text, { exact: true });

/** Every type, by hand, through the editor's forms. */
async function buildByHand(page: Page, setId: string) {
	// Multiple choice, with a message beside the field first, and a fourth choice added.
	await newQuestion(page, setId, 'Multiple choice');
	await label(page, 'Question').fill('Which planet is the largest?');
	await label(page, 'Choice 1').fill('Jupiter');
	await page.getByRole('button', { name: 'Add to the set' }).click();
	await expect(page.getByText('A choice question needs at least two choices.')).toBeVisible();
	await expect(page.getByText('Mark exactly one choice as the right one.')).toBeVisible();
	await expect(label(page, 'Choice 1')).toHaveValue('Jupiter');
	await label(page, 'Choice 2').fill('Mars');
	await label(page, 'Choice 3').fill('Venus');
	await page.getByRole('button', { name: 'Add a choice' }).click();
	await expect(label(page, 'Choice 4')).toHaveValue('');
	await expect(label(page, 'Choice 3')).toHaveValue('Venus');
	await label(page, 'Choice 4').fill('Saturn');
	await page.getByRole('radio', { name: 'Right answer: choice 1' }).check();
	await label(page, 'Feedback for choice 2 (optional)').fill('Mars is smaller than Earth.');
	await label(page, 'Explanation (optional)').fill('Jupiter is the largest planet.');
	await save(page);

	await newQuestion(page, setId, 'True or false');
	await label(page, 'Statement').fill('The sun is a star.');
	await page.getByRole('radio', { name: 'True' }).check();
	await save(page);

	await newQuestion(page, setId, 'Short answer');
	await label(page, 'Question').fill('Who wrote Hamlet?');
	await label(page, 'Answer').fill('Shakespeare');
	await label(page, 'Other accepted answers (optional)').fill('William Shakespeare');
	await save(page);

	// A number: first a bad tolerance, told beside its field.
	await newQuestion(page, setId, 'Number');
	await label(page, 'Question').fill('How many days are in a week?');
	await label(page, 'Answer').fill('7');
	await label(page, 'Tolerance').fill('-1');
	await page.getByRole('button', { name: 'Add to the set' }).click();
	await expect(label(page, 'Tolerance')).toHaveAttribute('aria-invalid', 'true');
	await expect(label(page, 'Tolerance')).toHaveAccessibleDescription(
		/The tolerance must be zero or more\./
	);
	await label(page, 'Tolerance').fill('0');
	await label(page, 'Unit (optional)').fill('days');
	await save(page);

	await newQuestion(page, setId, 'Date');
	await label(page, 'Question').fill('When did the Berlin Wall fall?');
	await label(page, 'Precision').selectOption('day');
	await label(page, 'Date').fill('1989-11-09');
	await save(page);

	await newQuestion(page, setId, 'Matching');
	await label(page, 'Question').fill('Match each country with its capital.');
	await label(page, 'Item 1').fill('France');
	await label(page, 'Match for item 1').fill('Paris');
	await label(page, 'Item 2').fill('Italy');
	await label(page, 'Match for item 2').fill('Rome');
	await page.getByRole('button', { name: 'Remove pair 3' }).click();
	await expect(label(page, 'Item 3')).toHaveCount(0);
	await save(page);

	await newQuestion(page, setId, 'Ordering');
	await label(page, 'Question').fill('Put these numbers in order, smallest first.');
	await label(page, 'Item 1').fill('One');
	await label(page, 'Item 2').fill('Two');
	await page.getByRole('button', { name: 'Add to the set' }).click();
	await expect(page.getByText('An ordering question needs at least three items.')).toBeVisible();
	await label(page, 'Item 3').fill('Three');
	await save(page);

	await newQuestion(page, setId, 'Fill in the blank');
	await expect(label(page, 'Instruction')).toHaveValue('Fill in the blank.');
	await label(page, 'Text before the blank').fill('The capital of Spain is ');
	await label(page, 'Missing words').fill('Madrid');
	await label(page, 'Text after the blank').fill('.');
	await save(page);
}

async function importFile(page: Page, setId: string, file: string, count: number) {
	await page.goto(`/teach/sets/${setId}/import`);
	await page.getByLabel('File').setInputFiles(fixture(file));
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(
		page.getByRole('heading', { name: new RegExp(`^Preview: ${count} questions`) })
	).toBeVisible();
	await page.getByRole('button', { name: `Import ${count} questions` }).click();
	await expect(page.getByRole('status')).toContainText(`Imported ${count} questions.`);
}

/** Answers the question on screen, right unless told otherwise, by its prompt. */
async function answer(page: Page, wrong: Set<string>) {
	const prompt = (await page.locator('.prompt').textContent())!.trim();
	const form = page.locator('form[action="?/answer"]');
	const text = (value: string) => form.getByRole('textbox').first().fill(value);
	const radio = (name: string) => form.getByRole('radio', { name }).check();
	if (prompt.startsWith('Which planet')) await radio('Jupiter');
	else if (prompt === 'The sun is a star.' || prompt === 'Rome is in Italy.') await radio('True');
	else if (prompt === 'Who wrote Hamlet?') await text('william shakespeare');
	else if (prompt.startsWith('How many days')) await text('7');
	else if (prompt.startsWith('When did the Berlin Wall')) {
		await form.getByLabel('Type the date').fill('9 November 1989');
	} else if (prompt.startsWith('Match each country')) {
		await form.getByLabel('France').selectOption('Paris');
		await form.getByLabel('Italy').selectOption('Rome');
	} else if (prompt.startsWith('Put these numbers')) {
		for (const [target, item] of ['One', 'Two', 'Three'].entries()) {
			for (;;) {
				const items = await page.locator('.item-text').allTextContents();
				if (items.indexOf(item) <= target) break;
				await form.getByRole('button', { name: new RegExp(`^Move up\\s*: ${item}$`) }).click();
			}
		}
		await expect(page.locator('.item-text')).toHaveText(['One', 'Two', 'Three']);
	} else if (prompt === 'Fill in the blank.') await text('Madrid');
	else if (prompt.startsWith('What is the capital of Italy')) await radio('Rome');
	else if (prompt.startsWith('How many hills')) await text(wrong.has('hills') ? '6' : '7');
	else if (prompt.startsWith('Which river')) await text('Tiber');
	else if (prompt.startsWith('Which city is the capital of France')) await radio('Paris');
	else throw new Error(`no answer for "${prompt}"`);
	await page.getByRole('button', { name: 'Submit answer' }).click();
	await expect(page.getByText(/^(✓ Correct|✗ Not quite)$/)).toBeVisible();
}

test('a teacher builds, imports, publishes and assigns a set; a learner takes it; the report shows it', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const teacher = await (await browser.newContext()).newPage();
	await signUp(teacher, uniqueName('maestra'), 'teacher');
	const setId = await createSet(teacher, 'Planets, plays and capitals');

	await buildByHand(teacher, setId);
	await importFile(teacher, setId, 'teacher-import.gift', 3);
	await importFile(teacher, setId, 'teacher-import.csv', 2);
	await expect(teacher.getByRole('heading', { name: 'Questions (13)' })).toBeVisible();
	await expect(teacher.getByText('Draft: only you can see this set.')).toBeVisible();

	// Reorder: the true/false question moves up to the top, and back.
	await teacher.getByRole('button', { name: 'Move up: question 2', exact: true }).click();
	await expect(teacher.locator('.questions .prompt').first()).toHaveText('The sun is a star.');
	await teacher.getByRole('button', { name: 'Move down: question 1', exact: true }).click();
	await expect(teacher.locator('.questions .prompt').first()).toHaveText(
		'Which planet is the largest?'
	);

	// The preview shows a question as a learner sees it, and its answer to the teacher.
	await teacher.getByRole('link', { name: 'Preview the set' }).click();
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Question 1 of 13');
	await expect(teacher.getByRole('radio', { name: 'Saturn' })).toBeDisabled();
	await expect(teacher.getByText('Jupiter', { exact: true }).last()).toBeVisible();
	await teacher
		.getByRole('link', { name: 'Question 6: Match each country with its capital.' })
		.click();
	await expect(teacher.getByRole('combobox', { name: 'France' })).toBeDisabled();
	await expect(teacher.getByText('France → Paris; Italy → Rome')).toBeVisible();

	// Publish, and assign to two classes at once from the set's page.
	const classes = ['Year 9 Science', 'Year 9 English'];
	const codes: string[] = [];
	for (const name of classes) {
		await teacher.goto('/teach/classes');
		await teacher.getByLabel('Class name').fill(name);
		await teacher.getByRole('button', { name: 'Create class' }).click();
		codes.push((await teacher.locator('.join-code').textContent())!.trim());
	}
	await teacher.goto(`/teach/sets/${setId}`);
	await teacher.getByRole('button', { name: 'Publish' }).click();
	await expect(teacher.getByRole('status')).toContainText('Published');
	for (const name of classes) await teacher.getByRole('checkbox', { name }).check();
	await teacher.getByLabel('Due date (optional)').fill('2030-06-30');
	await teacher.getByRole('button', { name: 'Assign' }).click();
	await expect(teacher.getByRole('status')).toContainText('Assigned to 2 classes.');
	await expect(teacher.getByText('(assigned, due 30 June 2030)')).toHaveCount(2);

	// A learner joins the first class and takes the set, getting one question wrong.
	const learner = await (await browser.newContext()).newPage();
	const learnerName = uniqueName('alunno');
	await signUp(learner, learnerName, 'learner');
	await learner.getByRole('link', { name: 'My classes' }).click();
	await learner.getByLabel('Join code').fill(codes[0]!);
	await learner.getByRole('button', { name: 'Join' }).click();
	await learner.getByRole('link', { name: 'Planets, plays and capitals' }).click();
	await learner.getByRole('button', { name: 'Start the quiz' }).click();
	for (let n = 1; n <= 13; n++) {
		await expect(learner.getByRole('heading', { level: 1 })).toHaveText(`Question ${n} of 13`);
		await answer(learner, new Set(['hills']));
		if (n < 13) await learner.getByRole('link', { name: 'Next question' }).click();
	}
	await learner.getByRole('button', { name: 'See your result' }).click();
	await expect(learner.locator('.score')).toHaveText(/^12 of 13 right \(92%\)/);

	// The teacher sees the learner's result, and the figures of each question.
	await teacher.goto('/teach/classes');
	await teacher.getByRole('link', { name: classes[0] }).click();
	await teacher.getByRole('link', { name: 'Class report' }).click();
	await expect(teacher.getByRole('heading', { name: `Class report: ${classes[0]}` })).toBeVisible();
	const row = teacher.getByRole('row', { name: new RegExp(learnerName) });
	await expect(row.getByRole('cell')).toHaveText(['1', '92%', '92%', /UTC$/]);
	const hills = teacher.getByRole('row', { name: /How many hills is Rome built on\?/ });
	// Cells: answers, right, marks (part marks included), the wrong answer chosen most, flags.
	await expect(hills.getByRole('cell')).toHaveText(['11', '1', '0%', '0%', '6 (1×)', '—']);
	const planets = teacher.getByRole('row', { name: /Which planet is the largest\?/ });
	await expect(planets.getByRole('cell')).toHaveText(['1', '1', '100%', '100%', '—', '—']);

	// The report reads well on a phone too.
	await teacher.setViewportSize({ width: 375, height: 740 });
	const audit = await new AxeBuilder({ page: teacher })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
		.analyze();
	expect(audit.violations.map((v) => v.id)).toEqual([]);
	await teacher.setViewportSize({ width: 1280, height: 720 });

	// The report downloads as CSV with a header row.
	const csv = await teacher.request.get(
		`${new URL(teacher.url()).pathname.replace(/\/report$/, '')}/report.csv?table=questions`
	);
	expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const lines = (await csv.text()).replace(/^\uFEFF/, '').split('\r\n');
	expect(lines[0]).toBe(
		'set,number,question,type,answers,right_percent,marks_percent,most_chosen_wrong_answer,times_chosen,flags'
	);
	expect(lines).toContain(
		'"Planets, plays and capitals",11,How many hills is Rome built on?,numeric,1,0,0,6,1,'
	);

	// And the learner's own progress, as the learner sees it, from the roster.
	await teacher.getByRole('link', { name: learnerName }).click();
	await expect(teacher.getByRole('heading', { name: `Progress of ${learnerName}` })).toBeVisible();
	await expect(teacher.getByRole('heading', { name: 'Planets, plays and capitals' })).toBeVisible();
	await expect(teacher.getByText('Facts known (0)')).toBeVisible();
});

test('exports download in each format and read back through the import', async ({
	page,
	request
}) => {
	await signUp(page, uniqueName('exporter'), 'teacher');
	const setId = await createSet(page, 'Über: exports & “quotes”');
	await importFile(page, setId, 'teacher-import.gift', 3);

	for (const [format, type, extension] of [
		['gift', 'text/plain; charset=utf-8', 'gift'],
		['aiken', 'text/plain; charset=utf-8', 'txt'],
		['csv', 'text/csv; charset=utf-8', 'csv'],
		['json', 'application/json; charset=utf-8', 'json']
	] as const) {
		const response = await page.request.get(`/api/sets/${setId}/export?format=${format}`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe(type);
		expect(response.headers()['x-content-type-options']).toBe('nosniff');
		expect(response.headers()['content-disposition']).toBe(
			`attachment; filename="uber-exports-quotes${format === 'aiken' ? '-aiken' : ''}.${extension}"`
		);
		if (format === 'aiken') {
			expect(response.headers()['x-factdeck-left-out']).toBe('2');
			expect(await response.text()).toContain('ANSWER: A');
		}
	}
	await page.goto(`/teach/sets/${setId}`);
	await expect(page.getByText('2 of 3 questions are left out.')).toBeVisible();

	// The JSON export, imported into a new set, gives back the same questions.
	const exported = await (await page.request.get(`/api/sets/${setId}/export?format=json`)).json();
	const copyId = await createSet(page, 'Round trip');
	await page.goto(`/teach/sets/${copyId}/import`);
	await page.getByLabel('Or paste the questions').fill(JSON.stringify(exported, null, '\t'));
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByRole('heading', { name: /read as Factdeck JSON/ })).toBeVisible();
	await page.getByRole('button', { name: 'Import 3 questions' }).click();
	await expect(page.getByRole('status')).toContainText('Imported 3 questions.');
	const back = await (await page.request.get(`/api/sets/${copyId}/export?format=json`)).json();
	expect(back.questions).toEqual(exported.questions);

	// A draft is its owner's: anyone else gets 404; an unknown format is a 400 with a message.
	expect((await request.get(`/api/sets/${setId}/export?format=json`)).status()).toBe(404);
	const unknown = await page.request.get(`/api/sets/${setId}/export?format=docx`);
	expect(unknown.status()).toBe(400);
	expect(await unknown.text()).toContain('Unknown format');
	expect((await page.request.get('/api/sets/no-such-set/export?format=json')).status()).toBe(404);
	// The shipped, published quiz is anyone's.
	const published = await request.get('/api/sets/xi-moscow-2023-03-21-quiz/export?format=gift');
	expect(published.status()).toBe(200);
});

test('an import with errors names each line and saves nothing; too large is refused', async ({
	page
}) => {
	await signUp(page, uniqueName('importer'), 'teacher');
	const setId = await createSet(page, 'Careful imports');
	await page.goto(`/teach/sets/${setId}/import`);
	await page
		.getByLabel('Or paste the questions')
		.fill('Fine question.{T}\n\nWho wrote Hamlet? {=Shakespeare ~Marlowe\n\nPick {~a ~b}');
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'2 problems: the file cannot be read, so nothing was imported.'
	);
	await expect(page.getByRole('list', { name: 'Problems found' })).toContainText(
		'Line 3: unclosed brace'
	);
	await expect(page.getByRole('list', { name: 'Problems found' })).toContainText(
		'Line 5: no right answer'
	);
	await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);

	// Fixed in the box, previewed again, then imported.
	await page
		.getByLabel('Or paste the questions')
		.fill('Fine question.{T}\n\nWho wrote Hamlet? {=Shakespeare ~Marlowe}');
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByRole('heading', { name: /^Preview: 2 questions/ })).toBeVisible();
	// A change after the preview is caught on confirm: nothing is saved, a new preview is shown.
	await page.getByLabel('Or paste the questions').fill('Sneaky.{F}');
	await page.getByRole('button', { name: 'Import 2 questions' }).click();
	await expect(page.getByRole('alert')).toContainText('The text changed after the preview');
	await page.goto(`/teach/sets/${setId}`);
	await expect(page.getByRole('heading', { name: 'Questions (0)' })).toBeVisible();

	// Over 1 MB: refused with the limits stated.
	await page.goto(`/teach/sets/${setId}/import`);
	await page.getByLabel('File').setInputFiles({
		name: 'huge.gift',
		mimeType: 'text/plain',
		buffer: Buffer.from('Is this a question?{T}\n\n'.repeat(50_000))
	});
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByRole('alert')).toContainText(
		'huge.gift is too large. An import can be at most 1 MB and 2,000 questions.'
	);
});

test('generated questions are kept, regenerated or edited, and keep their provenance', async ({
	page
}) => {
	await signUp(page, uniqueName('generator'), 'teacher');
	const setId = await createSet(page, 'From the article');
	await page.getByRole('link', { name: 'Generate from facts' }).click();
	// Blinken's title and quotations are asked as choices (meetings and visits are typed).
	await page.getByLabel('Person').selectOption({ label: 'Antony Blinken' });
	await page.getByRole('checkbox', { name: 'Multiple choice' }).check();
	await page.getByLabel('How many').fill('3');
	await page.getByRole('button', { name: 'Generate questions' }).click();
	const items = page.locator('.candidates > li');
	await expect(items).toHaveCount(3);
	await expect(items.first()).toContainText('Multiple choice');
	const before = await items.first().textContent();
	await page.getByRole('button', { name: 'Regenerate question 1' }).click();
	await expect(items.first()).not.toHaveText(before!);
	await expect(items).toHaveCount(3);

	await page.getByRole('button', { name: 'Keep question 1' }).click();
	await expect(items.first()).toContainText('In the set');

	await page.getByRole('link', { name: 'Edit, then add question 2' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Edit a generated question, then add it'
	);
	await page
		.getByLabel('Question', { exact: true })
		.fill('Edited: which of these did Blinken say?');
	await page.getByRole('button', { name: 'Add to the set' }).click();
	await expect(page.getByRole('heading', { name: 'Questions (2)' })).toBeVisible();
	await expect(page.getByText('Edited: which of these did Blinken say?')).toBeVisible();
	await expect(page.getByText("generated from the article's facts")).toHaveCount(2);
	// A generated question's id (with its colons) works in the editor's address too.
	await page.getByRole('link', { name: 'Edit question 1' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit question 1');
	await page.getByLabel('Explanation (optional)').fill('Checked against the article.');
	await page.getByRole('button', { name: 'Save the question' }).click();
	await expect(page.getByRole('heading', { name: 'Questions (2)' })).toBeVisible();
	const json = await (await page.request.get(`/api/sets/${setId}/export?format=json`)).json();
	expect(json.questions[0].explanation).toBe('Checked against the article.');
	for (const q of json.questions) {
		expect(q.provenance.sourceId).toBe('xi-moscow-2023-03-21');
		expect(q.provenance.factIds.length).toBeGreaterThan(0);
	}
});

test('the editor adds and removes rows without JavaScript', async ({ browser }) => {
	const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await signUp(page, uniqueName('nojs'), 'teacher');
	const setId = await createSet(page, 'Without scripts');
	await newQuestion(page, setId, 'Multiple choice');
	await label(page, 'Question').fill('Pick the even number.');
	await label(page, 'Choice 1').fill('Three');
	await label(page, 'Choice 2').fill('Four');
	await label(page, 'Choice 3').fill('Five');
	await page.getByRole('button', { name: 'Add a choice' }).click();
	await expect(label(page, 'Choice 4')).toBeVisible();
	await expect(label(page, 'Question')).toHaveValue('Pick the even number.');
	await label(page, 'Choice 4').fill('Seven');
	await page.getByRole('button', { name: 'Remove choice 1' }).click();
	await expect(label(page, 'Choice 1')).toHaveValue('Four');
	await page.getByRole('radio', { name: 'Right answer: choice 1' }).check();
	await save(page);
	await expect(page.getByText('Answer: Four')).toBeVisible();

	// A generated question edited without JavaScript keeps where it came from, through re-renders.
	await page.getByRole('link', { name: 'Generate from facts' }).click();
	await page.getByRole('checkbox', { name: 'Multiple choice' }).check();
	await page.getByLabel('How many').fill('1');
	await page.getByRole('button', { name: 'Generate questions' }).click();
	await page.getByRole('link', { name: 'Edit, then add question 1' }).click();
	await page.getByRole('button', { name: 'Add a choice' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Edit a generated question, then add it'
	);
	await page.getByRole('button', { name: 'Add to the set' }).click();
	await expect(page.getByRole('heading', { name: 'Questions (2)' })).toBeVisible();
	const json = await (await page.request.get(`/api/sets/${setId}/export?format=json`)).json();
	expect(json.questions[1].provenance.sourceId).toBe('xi-moscow-2023-03-21');
});

test('a script in a title, question, choice or explanation is shown as text and never runs', async ({
	page
}) => {
	const attacks: string[] = [];
	page.on('dialog', (dialog) => {
		attacks.push(dialog.message());
		void dialog.dismiss();
	});
	await signUp(page, uniqueName('careful'), 'teacher');
	const title = '<script>alert("title")</script>';
	const prompt = '<img src=x onerror="alert(\'prompt\')"> Which one?';
	const choice = '<script>alert("choice")</script>';
	const setId = await createSet(page, title);
	await newQuestion(page, setId, 'Multiple choice');
	await label(page, 'Question').fill(prompt);
	await label(page, 'Choice 1').fill(choice);
	await label(page, 'Choice 2').fill('<b onmouseover=alert(1)>bold</b>');
	await page.getByRole('radio', { name: 'Right answer: choice 1' }).check();
	await label(page, 'Explanation (optional)').fill('<iframe src="javascript:alert(2)"></iframe>');
	await save(page);

	for (const path of [
		`/teach/sets/${setId}`,
		`/teach/sets/${setId}/preview`,
		'/teach/sets',
		'/teach',
		`/sets/${setId}`
	]) {
		const raw = await (await page.goto(path))!.text();
		// Escaped in the HTML as sent, and no element made of it in the page.
		expect(raw, path).toContain('&lt;script>alert');
		expect(raw, path).not.toMatch(/<script>alert|<img src=x|<iframe|<b onmouseover/);
		await expect(page.locator('script', { hasText: 'alert' })).toHaveCount(0);
		await expect(page.locator('img[src="x"], iframe, [onmouseover], [onerror]')).toHaveCount(0);
	}
	await page.goto(`/teach/sets/${setId}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByText(prompt)).toBeVisible();
	await page.goto(`/teach/sets/${setId}/preview`);
	await expect(page.getByRole('radio', { name: choice })).toBeVisible();
	await expect(page.getByText('<iframe src="javascript:alert(2)"></iframe>')).toBeVisible();
	expect(attacks).toEqual([]);

	// Exports are plain text files: the browser shows or saves them, never runs them.
	const gift = await page.request.get(`/api/sets/${setId}/export?format=gift`);
	expect(gift.headers()['content-type']).toBe('text/plain; charset=utf-8');
	expect(gift.headers()['x-content-type-options']).toBe('nosniff');
	expect(await gift.text()).toContain('<script>alert');
});

test('the teacher pages pass an accessibility check', async ({ page }) => {
	test.setTimeout(90_000);
	await signUp(page, uniqueName('axe'), 'teacher');
	const setId = await createSet(page, 'Accessible set');
	await importFile(page, setId, 'teacher-import.gift', 3);
	await page.goto('/teach/classes');
	await page.getByLabel('Class name').fill('Axe class');
	await page.getByRole('button', { name: 'Create class' }).click();
	const classPath = new URL(page.url()).pathname;

	const check = async (what: string) => {
		// On a phone too: nothing scrolls sideways.
		await page.setViewportSize({ width: 375, height: 740 });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		await page.setViewportSize({ width: 1280, height: 800 });
		expect(overflow, `${what} scrolls sideways on a phone`).toBeLessThanOrEqual(1);
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
			.analyze();
		expect(
			results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
			what
		).toEqual([]);
	};
	for (const path of [
		'/teach',
		'/teach/sets',
		'/teach/sets/new',
		`/teach/sets/${setId}`,
		`/teach/sets/${setId}/questions/new`,
		`/teach/sets/${setId}/preview?q=1`,
		`/teach/sets/${setId}/import`,
		`${classPath}/report`
	]) {
		await page.goto(path);
		await check(path);
	}
	for (const type of ['Multiple choice', 'Matching', 'Ordering', 'Fill in the blank']) {
		await newQuestion(page, setId, type);
		await page.getByRole('button', { name: 'Add to the set' }).click();
		await expect(page.getByRole('alert')).toContainText('Check the fields marked below');
		await check(`editor with errors: ${type}`);
	}
	await page.goto(`/teach/sets/${setId}/generate`);
	await page.getByLabel('How many').fill('4');
	await page.getByRole('button', { name: 'Generate questions' }).click();
	await expect(page.locator('.candidates > li')).toHaveCount(4);
	await check('generate');
	await page.goto(`/teach/sets/${setId}/import`);
	await page.getByLabel('Or paste the questions').fill('Q? {=a ~b}\n\nBroken {');
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByRole('list', { name: 'Problems found' })).toBeVisible();
	await check('import errors');
});
