// A teacher brings their own text: pastes it, accepts and edits the machine's suggestions, adds
// a fact by hand with the keyboard only, generates a set from it and assigns it; a learner of
// the class takes the quiz and opens the evidence; another teacher reaches none of it. Then
// every kind of bad input, each refused with a message and nothing stored.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { column, countRows } from './db';
import {
	answerAnyQuestion,
	joinClass,
	makeClass,
	newPage,
	postForm,
	signUp,
	tabTo,
	uniqueName
} from './helpers';

const mars = readFileSync('src/lib/domain/suggest/fixtures/mars-rover.txt', 'utf8');

/** The source's id, from the page's address. */
const sourceIdOf = (page: Page) => /\/teach\/sources\/([^/?#]+)/.exec(page.url())![1]!;

async function addSource(page: Page, title: string, text = mars) {
	await page.goto('/teach/sources/new', { waitUntil: 'networkidle' });
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Publication date').fill('2021-02-19');
	await page.getByLabel('The text').fill(text);
	await page.getByRole('button', { name: 'Save and suggest facts' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	return sourceIdOf(page);
}

test('a teacher curates a new text and teaches it; a learner opens the evidence; another teacher reaches none of it', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const teacher = await newPage(browser);
	await signUp(teacher, uniqueName('curator'), 'teacher');
	const code = await makeClass(teacher, 'Space club');
	const learner = await newPage(browser);
	await signUp(learner, uniqueName('cadet'), 'learner');
	await joinClass(learner, code);

	// Paste the text: it is saved with the machine's suggestions, nothing accepted yet.
	const id = await addSource(teacher, 'Perseverance lands on Mars');
	await expect(
		teacher.getByText(/Your source is saved\. Factdeck suggests \d+ facts/)
	).toBeVisible();
	await expect(teacher.getByRole('heading', { name: 'Facts (0)' })).toBeVisible();

	// Accept all the quotations at once, and one role on its own.
	await teacher.getByRole('button', { name: /^Accept all 2 quotations$/ }).click();
	await expect(teacher.getByRole('status').first()).toHaveText('Accepted 2 quotations.');
	await teacher
		.getByRole('button', { name: 'Accept “Steve Jurczyk is the NASA Administrator.”' })
		.click();
	await expect(teacher.getByRole('status').first()).toHaveText(
		'Accepted: Steve Jurczyk is the NASA Administrator.'
	);
	await expect(teacher.getByRole('heading', { name: 'Facts (3)' })).toBeVisible();

	// Edit the dated suggestion before accepting it: a better statement.
	await teacher.getByRole('link', { name: /^Edit “NASA's Perseverance rover's landing/ }).click();
	await expect(teacher.getByRole('heading', { level: 1 })).toHaveText(
		'Edit a suggestion, then accept it'
	);
	await expect(teacher.getByLabel('Quote', { exact: true })).toHaveValue(
		"NASA's Perseverance rover landed on Mars on Thursday"
	);
	await teacher
		.getByLabel('Statement')
		.fill('Perseverance landed on Mars on Thursday, 18 February 2021.');
	await teacher.getByRole('button', { name: 'Save and accept' }).click();
	await expect(teacher.getByText('The fact is saved.')).toBeVisible();
	await expect(teacher.getByRole('heading', { name: 'Facts (4)' })).toBeVisible();
	await expect(
		teacher.getByText('Perseverance landed on Mars on Thursday, 18 February 2021.')
	).toBeVisible();

	// A fact by hand, with the keyboard only: sentences chosen and trimmed, a new entity, a
	// number, a drafted statement.
	const page = teacher;
	await page.goto(`/teach/sources/${id}`);
	await tabTo(page, (el) => el.text === 'Add a fact by hand', 80);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a fact');
	await page.waitForLoadState('networkidle');
	await tabTo(page, page.getByLabel('First sentence'), 80);
	for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('Last sentence')).toBeFocused();
	for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
	await tabTo(page, page.getByLabel('Words left out at the end'));
	await page.keyboard.type('22');
	await tabTo(page, (el) => el.text === 'Leave out one more word at the end');
	await page.keyboard.press('Enter');
	const quote = page.getByLabel('Quote', { exact: true });
	await expect(quote).toHaveValue('Perseverance carries seven scientific instruments');
	await expect(page.getByLabel('Words left out at the end')).toHaveValue('23');
	// One word too many, then put back.
	await expect(
		page.getByRole('button', { name: 'Leave out one more word at the end' })
	).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(quote).toHaveValue('Perseverance carries seven scientific');
	await tabTo(page, (el) => el.text === 'Put back a word at the end');
	await page.keyboard.press('Enter');
	await expect(quote).toHaveValue('Perseverance carries seven scientific instruments');
	await tabTo(page, page.getByLabel('What the fact says (predicate)'));
	await page.keyboard.type('counts');
	await expect(page.getByLabel('What the fact says (predicate)')).toHaveValue('count_of');
	await expect(page.getByText(/How many of something the subject has/).first()).toBeVisible();
	await tabTo(page, page.getByLabel('Subject'));
	// The fields for a new entity show once it is asked for.
	await expect(page.getByRole('group', { name: 'New subject' })).toBeHidden();
	await page.keyboard.press('End');
	await expect(page.getByRole('group', { name: 'New subject' })).toBeVisible();
	await expect(page.getByLabel('Subject')).toHaveValue('+new');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('textbox', { name: 'Name' }).first()).toBeFocused();
	await page.keyboard.type('Perseverance');
	await page.keyboard.press('Tab');
	await page.keyboard.type('thing');
	await page.keyboard.press('Tab');
	await page.keyboard.type('the rover');
	await tabTo(page, page.getByLabel('Number'));
	await page.keyboard.type('7');
	await page.keyboard.press('Tab');
	await page.keyboard.type('scientific instruments');
	await tabTo(page, (el) => el.text === 'Draft the statement from the fields', 60);
	await page.keyboard.press('Enter');
	await expect(page.getByLabel('Statement')).toHaveValue(
		'Perseverance has 7 scientific instruments.'
	);
	await tabTo(page, (el) => el.text === 'Save the fact');
	await page.keyboard.press('Enter');
	await expect(page.getByText('The fact is saved.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Facts (5)' })).toBeVisible();
	await expect(
		page.locator('mark', { hasText: 'Perseverance carries seven scientific instruments' })
	).toBeVisible();

	// Generate a set from it, keep the questions, publish and assign it.
	await teacher.getByRole('button', { name: 'Generate a question set from it' }).click();
	await expect(teacher.getByLabel('Source')).toHaveValue(id);
	await teacher.getByLabel('How many').fill('6');
	await teacher.getByRole('button', { name: 'Generate questions' }).click();
	await expect(teacher.getByRole('heading', { name: /Generated questions \(\d+\)/ })).toBeVisible();
	await teacher.getByRole('button', { name: /^Keep all \d+$/ }).click();
	await expect(teacher.getByRole('button', { name: /^Keep all/ })).toHaveCount(0);
	await teacher.getByRole('link', { name: 'Perseverance lands on Mars: questions' }).click();
	await teacher.getByRole('button', { name: 'Publish' }).click();
	await expect(teacher.getByRole('status')).toContainText('Published');
	await teacher.getByLabel('Space club').check();
	await teacher.getByRole('button', { name: 'Assign' }).click();
	await expect(teacher.getByRole('status')).toContainText('Assigned to the class.');

	// The learner takes it and opens the evidence of an answer in the text.
	await learner.goto('/classes');
	await learner.getByRole('link', { name: 'Perseverance lands on Mars: questions' }).click();
	await learner.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(learner.getByRole('heading', { level: 1 })).toHaveText(/^Question 1 of \d+$/);
	await learner.waitForLoadState('networkidle');
	await answerAnyQuestion(learner);
	const evidence = learner.getByRole('link', { name: 'See this sentence in the article' });
	await expect(evidence).toHaveAttribute('href', new RegExp(`^/sources/${id}\\?fact=`));
	const factId = /fact=([^&#]+)/.exec((await evidence.getAttribute('href'))!)![1];
	await evidence.click();
	await expect(learner.getByRole('heading', { level: 1 })).toHaveText('Perseverance lands on Mars');
	await expect(learner.locator('mark[data-selected="true"]').first()).toBeVisible();

	// Another teacher: every page, file and action of it is a 404.
	const rival = await newPage(browser);
	await signUp(rival, uniqueName('rival'), 'teacher');
	const [suggestionId] = column(
		"select id from suggestion where source_id = ? and status = 'pending' limit 1",
		id
	);
	for (const path of [
		`/teach/sources/${id}`,
		`/teach/sources/${id}/version`,
		`/teach/sources/${id}/facts/new`,
		`/teach/sources/${id}/facts/new?suggestion=${suggestionId}`,
		`/teach/sources/${id}/facts/${factId}`,
		`/sources/${id}`,
		`/api/sources/${id}/export`
	]) {
		const r = await rival.request.get(path, { maxRedirects: 0 });
		expect(r.status(), path).toBe(404);
		expect(await r.text()).not.toContain('Perseverance');
	}
	const facts = countRows('fact', 'source_id = ?', id);
	const accept = await postForm(
		rival.request,
		`/teach/sources/${id}?/accept`,
		{ suggestion: suggestionId! },
		baseURL!
	);
	expect(accept.status()).toBe(404);
	expect(countRows('fact', 'source_id = ?', id)).toBe(facts);
	// And the generate page offers it to nobody else.
	const generate = await rival.request.get('/teach/sources');
	expect(await generate.text()).not.toContain('Perseverance');
});

test('bad input is refused with a message, and nothing is stored', async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	const page = await newPage(browser);
	const name = uniqueName('careful');
	await signUp(page, name, 'teacher');
	const [ownerId] = column('select id from user where username = ?', name);
	const stored = () => countRows('source', 'owner_id = ?', ownerId);

	await page.goto('/teach/sources/new', { waitUntil: 'networkidle' });
	const save = page.getByRole('button', { name: 'Save and suggest facts' });
	const fill = async (text: string) => {
		await page.getByLabel('Title').fill('A title');
		await page.getByLabel('Publication date').fill('2024-09-01');
		await page.getByLabel('The text').fill(text);
	};

	// Empty.
	await fill('   ');
	await save.click();
	await expect(
		page.getByText('Paste the text, or upload it as a .txt, .md or .html file.')
	).toBeVisible();
	// Over 200 KB.
	await fill('Words words words. '.repeat(11_000));
	await save.click();
	await expect(
		page.getByText(/^The text is \d+ KB; a source may be at most 200 KB\.$/)
	).toBeVisible();
	// A binary file and a file that is not UTF-8.
	await fill('');
	const upload = page.getByLabel('Or upload a file (optional)');
	await upload.setInputFiles({
		name: 'photo.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 0])
	});
	await save.click();
	await expect(page.getByText(/^The file is not text/)).toBeVisible();
	await upload.setInputFiles({
		name: 'latin.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('Caf\xe9 au lait \xe0 Paris.', 'latin1')
	});
	await save.click();
	await expect(page.getByText(/^The file is not UTF-8 text/)).toBeVisible();
	expect(stored()).toBe(0);

	// A publication date that is not a date (a browser's date field cannot send one; a script can).
	const bad = await postForm(
		page.request,
		'/teach/sources/new?/create',
		{ title: 'Dated', publishedOn: 'next Tuesday', author: '', url: '', text: 'Some text.' },
		baseURL!
	);
	expect(bad.status()).toBe(400);
	expect(await bad.text()).toContain(
		'“next Tuesday” is not a date: write the day it was published as YYYY-MM-DD, like 2024-09-01.'
	);
	expect(stored()).toBe(0);

	// HTML full of scripts: an uploaded page keeps its words only; pasted HTML is text, shown
	// escaped; no script runs anywhere.
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	await page.goto('/teach/sources/new', { waitUntil: 'networkidle' });
	await page.getByLabel('Title').fill('Scripted page');
	await page.getByLabel('Publication date').fill('2024-09-01');
	await page.getByLabel('Or upload a file (optional)').setInputFiles({
		name: 'page.html',
		mimeType: 'text/html',
		buffer: Buffer.from(
			'<html><head><script>alert(1)</script></head><body><article><p>The council met on Monday.<script>alert(2)</script></p><p onclick="alert(3)">It approved the <b>new</b> park.</p><img src=x onerror="alert(4)"></article></body></html>'
		)
	});
	await page.getByRole('button', { name: 'Save and suggest facts' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scripted page');
	const htmlId = sourceIdOf(page);
	expect(column('select body from source_version where source_id = ?', htmlId)).toEqual([
		'The council met on Monday.\n\nIt approved the new park.'
	]);

	const pasted =
		'<script>alert("pasted")</script><img src=x onerror=alert(5)> is what the page said.';
	const pastedId = await addSource(page, 'Pasted markup', pasted);
	await expect(page.getByText(pasted)).toBeVisible();
	await page.goto(`/sources/${pastedId}`);
	await expect(page.getByText(pasted)).toBeVisible();
	await page.goto(`/teach/sources/${pastedId}/facts/new`);
	await expect(page.getByRole('region', { name: 'The text' })).toContainText(pasted);
	expect(await page.locator('img[src="x"]').count()).toBe(0);
	expect(dialogs).toBe(0);
	expect(stored()).toBe(2);
});

test('a source is shared as a file, imported all or nothing, and corrected in a new version', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const page = await newPage(browser);
	await signUp(page, uniqueName('sharer'), 'teacher');
	const id = await addSource(page, 'Mars, to share');
	await page.getByRole('button', { name: /^Accept all 2 quotations$/ }).click();
	await expect(page.getByRole('status').first()).toHaveText('Accepted 2 quotations.');

	// The export is the fact-base file; imported again, it is a new source with new ids.
	const exported = await page.request.get(`/api/sources/${id}/export`);
	expect(exported.headers()['content-disposition']).toContain(`${id}.factbase.json`);
	const file = await exported.json();
	expect(file).toMatchObject({ version: 1, source: { id, title: 'Mars, to share' } });
	expect(file.facts).toHaveLength(2);
	await page.goto('/teach/sources/import', { waitUntil: 'networkidle' });
	await page.getByLabel('The .json file').setInputFiles({
		name: 'mars.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(file))
	});
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByText('The source is imported with 2 facts.')).toBeVisible();
	const copy = sourceIdOf(page);
	expect(copy).not.toBe(id);
	await expect(page.getByRole('heading', { name: 'Facts (2)' })).toBeVisible();

	// A broken file: every problem named by its path, nothing imported.
	const sources = countRows('source');
	const broken = {
		...file,
		source: { ...file.source, publishedOn: '2021-13-01' },
		facts: [{ ...file.facts[0], subject: 'nobody', quote: 'Words the text never had' }]
	};
	await page.goto('/teach/sources/import', { waitUntil: 'networkidle' });
	await page.getByLabel('Or paste its JSON').fill(JSON.stringify(broken));
	await page.getByRole('button', { name: 'Import' }).click();
	const problems = page.getByRole('alert');
	await expect(problems).toContainText('Nothing was imported: 3 problems.');
	for (const path of ['source.publishedOn', 'facts.0.subject', 'facts.0.quote']) {
		await expect(problems.getByText(path, { exact: true })).toBeVisible();
	}
	await page.getByLabel('Or paste its JSON').fill('{ "version": 1, ');
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(problems).toContainText('this is not JSON');
	expect(countRows('source')).toBe(sources);

	// A new version loses one quote: the fact is kept, listed, and re-anchored by its teacher.
	await page.goto(`/teach/sources/${id}/version`, { waitUntil: 'networkidle' });
	const text = page.getByRole('textbox', { name: 'The text' });
	await text.fill('');
	await page.getByRole('button', { name: 'Save the new version' }).click();
	await expect(
		page.getByText('Paste the text, or upload it as a .txt, .md or .html file.')
	).toBeVisible();
	await text.fill(
		mars.replace('a perfect place to look for life', 'an ideal place to look for life')
	);
	await page.getByRole('button', { name: 'Save the new version' }).click();
	await expect(
		page.getByText(/Version 2 of the text is saved\. 1 fact lost its quote/)
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Facts (1)' })).toBeVisible();
	await page.getByRole('link', { name: /^Re-anchor “Ken Farley/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Re-anchor a fact');
	await page
		.getByLabel('Quote', { exact: true })
		.fill('Ken Farley described the crater as "an ideal place to look for life."');
	await page.getByLabel('What they said').fill('an ideal place to look for life');
	await page.getByRole('button', { name: 'Save the fact' }).click();
	await expect(page.getByText('The fact is saved.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Facts (2)' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /Facts to re-anchor/ })).toHaveCount(0);
});
