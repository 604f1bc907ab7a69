// A teacher's Moodle files come in whole (what cannot be imported is listed, the rest saved on
// request), a learner answers the new kinds of question and sees part marks as such, and decks
// go to Moodle and Anki as files.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { createSet, signUp, uniqueName } from './helpers';

const fixture = (name: string) => path.resolve('tests/fixtures/import', name);
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

async function audit(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(tags).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test('a Moodle GIFT file comes in whole but for the question that cannot, on the teacher’s word; a learner gets part marks', async ({
	browser
}) => {
	const teacher = await (await browser.newContext()).newPage();
	await signUp(teacher, uniqueName('moodler'), 'teacher');
	const setId = await createSet(teacher, 'Quad and G7');
	await teacher.goto(`/teach/sets/${setId}/import`);
	await teacher.getByLabel('File').setInputFiles(fixture('moodle-teacher.gift'));
	await teacher.getByRole('button', { name: 'Preview' }).click();

	// The preview: what cannot be imported, where and why; nothing saved yet.
	await expect(teacher.getByRole('alert')).toContainText(
		'One question cannot be imported; 5 can. Nothing is saved until you choose.'
	);
	const skipped = teacher.getByRole('list', { name: 'Questions that cannot be imported' });
	await expect(skipped).toContainText('Question 5 (line 16): ::Broken::Pick one {~a ~b}');
	await expect(skipped).toContainText('no right answer');
	await expect(teacher.getByRole('heading', { name: /^Preview: 5 questions/ })).toBeVisible();
	await expect(teacher.getByText('2021 to 2022')).toBeVisible();
	await audit(teacher);

	// The line link puts the cursor on that line of the numbered box.
	await skipped.getByRole('link', { name: 'line 16' }).click();
	const box = teacher.getByLabel('Or paste the questions');
	await expect(box).toBeFocused();
	const selected = await box.evaluate((el: HTMLTextAreaElement) =>
		el.value.slice(el.selectionStart, el.selectionEnd)
	);
	expect(selected).toBe('::Broken::Pick one {~a ~b}');

	// Cancel saves nothing; importing the rest saves exactly them.
	await teacher.getByRole('link', { name: 'Cancel' }).click();
	await expect(teacher.getByRole('heading', { name: 'Questions (0)' })).toBeVisible();
	await teacher.goto(`/teach/sets/${setId}/import`);
	await teacher.getByLabel('File').setInputFiles(fixture('moodle-teacher.gift'));
	await teacher.getByRole('button', { name: 'Preview' }).click();
	await teacher.getByRole('button', { name: 'Import the 5 that can be imported' }).click();
	await expect(teacher.getByRole('status')).toContainText('Imported 5 questions.');
	await teacher.getByRole('button', { name: 'Publish' }).click();
	await expect(teacher.getByRole('status')).toContainText('Published');

	// A learner: ticks, a written answer marked by themselves, a passage, a range, part marks.
	const learner = await (await browser.newContext()).newPage();
	await learner.goto(`/sets/${setId}`);
	await learner.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(learner.getByRole('heading', { name: 'Question 1 of 4' })).toBeVisible();
	await learner.getByRole('checkbox', { name: 'India' }).check();
	await audit(learner);
	await learner.getByRole('button', { name: 'Submit answer' }).click();
	await expect(learner.locator('.verdict')).toHaveText(/Partly right \(50%\)/);
	await expect(learner.getByText('partly right: 1 of 2 right, 50%')).toBeVisible();

	await learner.getByRole('link', { name: 'Next question' }).click();
	await learner.getByLabel('Your answer').fill('Its growing assertiveness in the region.');
	await learner.getByRole('button', { name: 'Submit answer' }).click();
	await expect(learner.getByText('Now mark your answer')).toBeVisible();
	await audit(learner);
	await learner.getByRole('button', { name: 'Partly right' }).click();
	await expect(learner.locator('.verdict')).toHaveText(/Partly right \(50%\)/);

	await learner.getByRole('link', { name: 'Next question' }).click();
	await expect(learner.getByRole('heading', { name: 'Read this' })).toBeVisible();
	await learner.getByRole('link', { name: 'Continue' }).click();
	await expect(learner.getByRole('heading', { name: 'Question 3 of 4' })).toBeVisible();
	await learner.getByLabel('Your answer').fill('2022');
	await learner.getByRole('button', { name: 'Submit answer' }).click();
	await expect(learner.getByText('✓ Correct')).toBeVisible();

	await learner.getByRole('link', { name: 'Next question' }).click();
	await learner.getByRole('radio', { name: 'Ukraine' }).check();
	await learner.getByRole('button', { name: 'Submit answer' }).click();
	await expect(learner.locator('.verdict')).toHaveText(/Partly right \(50%\)/);
	await learner.getByRole('button', { name: 'See your result' }).click();
	await expect(learner.getByRole('status')).toContainText('2.5 of 4 right (63%)');
	await expect(learner.getByText('1 fully right; part marks make up the rest.')).toBeVisible();

	// The set as an Anki deck, from its page.
	await learner.goto(`/sets/${setId}`);
	const [download] = await Promise.all([
		learner.waitForEvent('download'),
		learner.getByRole('button', { name: 'Download for Anki (.apkg)' }).click()
	]);
	expect(download.suggestedFilename()).toBe('quad-and-g7.apkg');
	const file = await download.path();
	const { readFileSync } = await import('node:fs');
	expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
});

test('Moodle XML comes in with its category and images reported, and goes out again', async ({
	page
}) => {
	await signUp(page, uniqueName('xmlteacher'), 'teacher');
	const setId = await createSet(page, 'Moodle bank');
	await page.goto(`/teach/sets/${setId}/import`);
	await page.getByLabel('File').setInputFiles(fixture('moodle-bank.xml'));
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(
		page.getByRole('heading', { name: 'Preview: 2 questions read as Moodle XML' })
	).toBeVisible();
	await expect(page.getByText('Category: Moscow visit')).toBeVisible();
	await expect(page.getByRole('list', { name: 'What the import leaves behind' })).toContainText(
		'the image talks.jpg was not imported'
	);
	await expect(page.getByRole('list', { name: 'Questions that cannot be imported' })).toContainText(
		'Moodle\'s "calculated" questions have no Factdeck type'
	);
	await page.getByRole('button', { name: 'Import the 2 that can be imported' }).click();
	await expect(page.getByRole('status')).toContainText('Imported 2 questions.');

	const response = await page.request.get(`/api/sets/${setId}/export?format=moodlexml`);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/xml');
	expect(response.headers()['content-disposition']).toContain('moodle-bank.xml');
	const xml = await response.text();
	expect(xml).toContain('<text>$course$/top/Moodle bank</text>');
	expect(xml).toContain('<question type="essay">');
	expect(xml).toContain('To support Putin and to discuss a peace plan.');
	expect(xml).not.toContain('<b>');

	// A hostile file changes nothing.
	await page.goto(`/teach/sets/${setId}/import`);
	await page.getByLabel('File').setInputFiles({
		name: 'laughs.xml',
		mimeType: 'application/xml',
		buffer: Buffer.from(
			'<?xml version="1.0"?>\n<!DOCTYPE q [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<quiz>&b;</quiz>'
		)
	});
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByRole('list', { name: 'Problems found' })).toContainText(
		'Line 2: This file declares a DOCTYPE or entities'
	);
	await page.goto(`/teach/sets/${setId}`);
	await expect(page.getByRole('heading', { name: 'Questions (2)' })).toBeVisible();
});

test('a learner takes a flashcard deck to Anki, with or without their history', async ({
	page
}) => {
	await page.goto('/review/source:xi-moscow-2023-03-21');
	await page.getByRole('button', { name: 'Start studying' }).click();
	await expect(page.getByRole('heading', { name: 'Take this deck to Anki' })).toBeVisible();
	await page.getByLabel('Include my review history').check();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download for Anki (.apkg)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.apkg$/);
	expect(download.url()).toContain('history=1');
	// Someone else's deck is no deck of theirs.
	const missing = await page.request.get('/review/missed:nobodys-attempt/anki', {
		failOnStatusCode: false
	});
	expect(missing.status()).toBe(404);
});
