// A small fixed question set with one question of every type, from the Xi-in-Moscow article:
// the input of the golden tests, whose expected exports sit beside it as golden-set.*.
import type { QuestionSet } from '../../question';

const source = 'xi-moscow-2023-03-21';

export const goldenSet: QuestionSet = {
	id: 'xi-moscow-golden',
	title: 'Xi in Moscow: one question of every type',
	description: 'A fixed sample for the export format tests.',
	sourceId: source,
	questions: [
		{
			id: 'putin-called-xi-dear-friend-mc',
			type: 'multiple_choice',
			title: 'Dear friend',
			prompt: 'Which leader called Xi Jinping "dear friend" at their talks on Monday?',
			choices: [
				{ id: 'a', text: 'Vladimir Putin', feedback: 'Yes: they called each other "dear friend."' },
				{ id: 'b', text: 'Fumio Kishida', feedback: 'No: Kishida was visiting Kyiv.' },
				{ id: 'c', text: 'Mikhail Mishustin' }
			],
			correctChoiceId: 'a',
			explanation: 'Xi and Putin called each other "dear friend" during their talks.',
			provenance: {
				sourceId: source,
				factIds: ['putin-called-xi-dear-friend'],
				quote:
					'On Monday, Xi and Putin held four and a half hours of talks, calling each other "dear friend."'
			}
		},
		{
			id: 'putin-escorted-xi-tf',
			type: 'true_false',
			prompt: 'In a rare move, Putin escorted Xi to his car after the talks.',
			answer: true,
			explanation: ''
		},
		{
			id: 'putin-escorted-xi-sa',
			type: 'short_answer',
			prompt: 'In a rare move, whom did Putin escort to his car after the talks?',
			answer: 'Xi Jinping',
			alternatives: ['Xi', 'the Chinese leader'],
			explanation: 'Putin escorted Xi Jinping, the Chinese leader, to his car.',
			provenance: {
				sourceId: source,
				factIds: ['putin-escorted-xi'],
				quote: 'In a rare move, Putin escorted Xi to his car after the talks'
			}
		},
		{
			id: 'xi-putin-talks-duration-num',
			type: 'numeric',
			prompt: 'How long did the talks between Xi and Putin on Monday last?',
			answer: 4.5,
			tolerance: 0.5,
			unit: 'hours',
			explanation: 'Four and a half hours: 4.5 = 4 + 1/2.',
			provenance: {
				sourceId: source,
				factIds: ['xi-putin-talks-duration'],
				quote: 'Xi and Putin held four and a half hours of talks'
			}
		},
		{
			id: 'formal-talks-date',
			type: 'date',
			title: 'Formal talks: the day',
			prompt: 'On what day did Xi arrive at the Kremlin for formal talks with Putin?',
			answer: '2023-03-21',
			precision: 'day',
			explanation: 'Tuesday, the second day of his visit {21 March 2023}.'
		},
		{
			id: 'roles-matching',
			type: 'matching',
			prompt: 'Match each person with the role the article gives.',
			pairs: [
				{ left: 'Xi Jinping', right: 'Chinese leader' },
				{ left: 'Vladimir Putin', right: 'Russian President' },
				{ left: 'Fumio Kishida', right: 'Japanese Prime Minister' }
			],
			explanation: ''
		},
		{
			id: 'events-ordering',
			type: 'ordering',
			prompt: 'Put these events in the order they happened, earliest first.',
			items: [
				"Russia's assault on Ukraine started",
				'Xi and Putin held four and a half hours of talks',
				'Xi met Prime Minister Mikhail Mishustin'
			],
			explanation: 'February 2022; then Monday and Tuesday, 20–21 March 2023.'
		},
		{
			id: 'great-neighboring-powers-cloze',
			type: 'cloze',
			prompt: 'Fill in the words Xi used.',
			before: 'Xi hailed Russia and China as "',
			after: '" on the second day of his visit.',
			answer: 'great neighboring powers',
			alternatives: ['great neighbouring powers'],
			explanation: 'Also: "We are great neighboring powers", to Mishustin; C# ~ = : all fine.'
		},
		{
			id: 'quad-members-mr',
			type: 'multiple_response',
			prompt: 'Which of these belong to the Quad with Japan and the United States?',
			choices: [
				{ id: 'in', text: 'India', weight: 0.5 },
				{ id: 'au', text: 'Australia', weight: 0.5 },
				{
					id: 'cn',
					text: 'China',
					weight: -1,
					feedback: 'No: the Quad is a bulwark against China.'
				},
				{ id: 'ru', text: 'Russia', weight: -1 }
			],
			allOrNothing: false,
			explanation: 'The Quad also includes India and Australia.',
			provenance: {
				sourceId: source,
				factIds: ['india-member-of-quad', 'australia-member-of-quad'],
				quote: 'the Quad, which also includes India and Australia'
			}
		},
		{
			id: 'boost-for-putin-open',
			type: 'open_response',
			title: 'In your own words',
			prompt: 'Why has the visit been viewed as a boost for Putin?',
			modelAnswer:
				'Putin is under Western sanctions and an ICC warrant; a visit from China’s leader shows he is not isolated.',
			explanation: 'Mark it right if you named the sanctions or the warrant, and the support.'
		},
		{
			id: 'kishida-in-kyiv-description',
			type: 'description',
			title: 'Kishida in Kyiv',
			prompt: 'Meanwhile, Japanese Prime Minister Fumio Kishida made a surprise visit to Kyiv.',
			explanation: ''
		}
	]
};
