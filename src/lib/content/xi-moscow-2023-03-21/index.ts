// The article about Xi Jinping's visit to Moscow and its hand-curated fact base.
import type { FactBase } from '../../domain/fact-base';
import { raw } from './article';
import { entities } from './entities';
import { facts } from './facts';

const dateline = /^ date (\d{4}-\d{2}-\d{2}) /;

const publishedOn = dateline.exec(raw)?.[1];
if (!publishedOn) throw new Error('the article has lost its " date YYYY-MM-DD" dateline');

export const xiMoscow: FactBase = {
	source: {
		id: 'xi-moscow-2023-03-21',
		title: 'Xi Jinping arrives in Moscow for talks with Vladimir Putin',
		publishedOn,
		body: raw.replace(dateline, '')
	},
	entities,
	facts
};
