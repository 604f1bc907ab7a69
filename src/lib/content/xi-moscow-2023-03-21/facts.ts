// The hand-curated facts of the Xi-in-Moscow article, each with its verbatim evidence.
// Relative dates resolve against the publication date, Tuesday 2023-03-21.
import type { Fact, FactDate } from '../../domain/fact-base';

// A fact carries a date when its quote holds the date's wording, when it is the happened_on
// fact of an event whose date the article fixes by reference to another, or when the article
// tells it as part of a dated occasion (Xi was greeted as he arrived on Tuesday). Questions
// about meetings and visits need the date: they could have happened at other times too.
const onTuesday: FactDate = { date: '2023-03-21', precision: 'day', wording: 'on Tuesday' };
const onMonday: FactDate = { date: '2023-03-20', precision: 'day', wording: 'on Monday' };
// Tuesday is "the second day of his visit", so the three-day visit began on Monday.
const secondDayOfVisit: FactDate = {
	date: '2023-03-21',
	precision: 'day',
	wording: 'on the second day of his visit to Russia'
};
const lastYear: FactDate = { date: '2022', precision: 'year', wording: 'last year' };
const thisMay: FactDate = { date: '2023-05', precision: 'month', wording: 'this May' };
// Last week, 13-19 March, lies wholly within March.
const lastWeek: FactDate = { date: '2023-03', precision: 'month', wording: 'last week' };
// Xi's three-day visit, 20-22 March.
const duringXisVisit: FactDate = { date: '2023-03', precision: 'month', wording: 'in March 2023' };
// Kishida's visit "coincides" with Xi's trip.
const duringXisTrip: FactDate = {
	date: '2023-03',
	precision: 'month',
	wording: "during Xi's trip to Moscow"
};

export const facts: Fact[] = [
	// Roles, one per person, as the article gives them
	{
		id: 'xi-role',
		predicate: 'role_of',
		subject: 'xi-jinping',
		object: 'china',
		value: { kind: 'text', text: 'Chinese leader' },
		statement: 'Xi Jinping is the Chinese leader.',
		quote: 'Chinese leader Xi Jinping'
	},
	{
		id: 'putin-role',
		predicate: 'role_of',
		subject: 'vladimir-putin',
		object: 'russia',
		value: { kind: 'text', text: 'Russian President' },
		statement: 'Vladimir Putin is the Russian President.',
		quote: 'Russian President Vladimir Putin'
	},
	{
		// No object: the article does not say whose prime minister he is.
		id: 'mishustin-role',
		predicate: 'role_of',
		subject: 'mikhail-mishustin',
		value: { kind: 'text', text: 'Prime Minister' },
		statement: 'Mikhail Mishustin holds the title Prime Minister.',
		quote: 'Prime Minister Mikhail Mishustin'
	},
	{
		id: 'kishida-role',
		predicate: 'role_of',
		subject: 'fumio-kishida',
		object: 'japan',
		value: { kind: 'text', text: 'Japanese Prime Minister' },
		statement: 'Fumio Kishida is the Japanese Prime Minister.',
		quote: 'Japanese Prime Minister Fumio Kishida'
	},
	{
		id: 'blinken-role',
		predicate: 'role_of',
		subject: 'antony-blinken',
		object: 'united-states',
		value: { kind: 'text', text: 'U.S. Secretary of State' },
		statement: 'Antony Blinken is the U.S. Secretary of State.',
		quote: 'U.S. Secretary of State Antony Blinken'
	},
	{
		id: 'gazprom-role',
		predicate: 'role_of',
		subject: 'gazprom',
		object: 'russia',
		value: { kind: 'text', text: 'Russian gas giant' },
		statement: 'Gazprom is a Russian gas giant.',
		quote: 'Russian gas giant Gazprom'
	},

	// Tuesday at the Kremlin
	{
		id: 'xi-arrived-at-kremlin',
		predicate: 'arrived_at',
		subject: 'xi-jinping',
		object: 'kremlin',
		date: onTuesday,
		statement: 'Xi Jinping arrived at the Kremlin on Tuesday.',
		quote: 'Chinese leader Xi Jinping arrived at the Kremlin on Tuesday'
	},
	{
		id: 'xi-arrival-at-kremlin-date',
		predicate: 'happened_on',
		subject: 'xi-arrival-at-kremlin',
		date: onTuesday,
		statement: "Xi's arrival at the Kremlin happened on Tuesday, 21 March 2023.",
		quote: 'Chinese leader Xi Jinping arrived at the Kremlin on Tuesday'
	},
	{
		id: 'xi-held-formal-talks-with-putin',
		predicate: 'held_talks_with',
		subject: 'xi-jinping',
		object: 'vladimir-putin',
		date: onTuesday,
		place: 'kremlin',
		statement: 'Xi arrived at the Kremlin on Tuesday for formal talks with Putin.',
		quote:
			'Chinese leader Xi Jinping arrived at the Kremlin on Tuesday for formal talks with Russian President Vladimir Putin'
	},
	{
		id: 'xi-putin-formal-talks-date',
		predicate: 'happened_on',
		subject: 'xi-putin-formal-talks',
		date: onTuesday,
		statement: "Xi and Putin's formal talks at the Kremlin were on Tuesday, 21 March 2023.",
		quote: 'arrived at the Kremlin on Tuesday for formal talks'
	},
	{
		id: 'xi-greeted-by-military-band',
		predicate: 'greeted_by',
		subject: 'xi-jinping',
		object: 'military-band',
		place: 'kremlin',
		date: onTuesday,
		statement: 'Xi entered the Kremlin on a red carpet and was greeted by a military band.',
		quote: 'Xi entered the Kremlin on a red carpet and was greeted by a military band'
	},
	{
		id: 'xi-greeted-by-senior-russian-officials',
		predicate: 'greeted_by',
		subject: 'xi-jinping',
		object: 'senior-russian-officials',
		place: 'kremlin',
		date: onTuesday,
		statement: 'At the Kremlin, Xi was greeted by a delegation of senior Russian officials.',
		quote: 'greeted by a military band and a delegation of senior Russian officials including Putin'
	},
	{
		id: 'xi-greeted-by-putin',
		predicate: 'greeted_by',
		subject: 'xi-jinping',
		object: 'vladimir-putin',
		place: 'kremlin',
		date: onTuesday,
		statement: 'Putin was among the senior Russian officials who greeted Xi at the Kremlin.',
		quote: 'greeted by a military band and a delegation of senior Russian officials including Putin'
	},
	{
		id: 'china-seeks-allies',
		predicate: 'seeks',
		subject: 'china',
		value: { kind: 'text', text: 'allies to counteract Western power' },
		statement: 'China seeks allies to counteract Western power.',
		quote: 'as both nations seek allies to counteract Western power'
	},
	{
		id: 'russia-seeks-allies',
		predicate: 'seeks',
		subject: 'russia',
		value: { kind: 'text', text: 'allies to counteract Western power' },
		statement: 'Russia seeks allies to counteract Western power.',
		quote: 'as both nations seek allies to counteract Western power'
	},

	// The visit
	{
		id: 'xi-visited-russia',
		predicate: 'visited',
		subject: 'xi-jinping',
		object: 'russia',
		date: duringXisVisit,
		statement: 'Xi Jinping made a visit to Russia.',
		quote: 'the second day of his visit to Russia'
	},
	{
		id: 'xi-visited-moscow',
		predicate: 'visited',
		subject: 'xi-jinping',
		object: 'moscow',
		date: duringXisVisit,
		statement: "The Chinese leader's Moscow visit has been viewed as a boost for Putin.",
		quote: "The Chinese leader's Moscow visit has been viewed as a boost for Putin"
	},
	{
		id: 'xi-visit-duration',
		predicate: 'duration_of',
		subject: 'xi-visit-to-russia',
		value: { kind: 'number', amount: 3, unit: 'days' },
		statement: "Xi's visit to Russia lasts three days.",
		quote: "Xi's three-day visit"
	},
	{
		// The visit's second day is Tuesday, so it began on Monday 20 March.
		id: 'xi-visit-start-date',
		predicate: 'happened_on',
		subject: 'xi-visit-to-russia',
		date: {
			date: '2023-03-20',
			precision: 'day',
			wording: 'a day after Putin traveled to Mariupol'
		},
		statement:
			"Xi's three-day visit began on Monday, 20 March 2023, a day after Putin traveled to Mariupol.",
		quote: "Xi's three-day visit began a day after Putin traveled to Mariupol"
	},

	// Putin's position: sanctions, warrant
	{
		id: 'putin-subject-to-western-sanctions',
		predicate: 'subject_to',
		subject: 'vladimir-putin',
		object: 'western-sanctions',
		statement: 'Putin is under Western sanctions.',
		quote: 'Putin, who is under Western sanctions'
	},
	{
		id: 'putin-subject-to-icc-warrant',
		predicate: 'subject_to',
		subject: 'vladimir-putin',
		object: 'icc-warrant',
		statement: 'Putin is subject to an International Criminal Court warrant.',
		quote: 'subject to an International Criminal Court warrant'
	},
	{
		id: 'putin-accused-of-deporting-children',
		predicate: 'accused_of',
		subject: 'vladimir-putin',
		object: 'international-criminal-court',
		value: { kind: 'text', text: 'unlawfully deporting Ukrainian children' },
		statement:
			'The International Criminal Court warrant against Putin is over accusations of unlawfully deporting Ukrainian children.',
		quote:
			'subject to an International Criminal Court warrant over accusations of unlawfully deporting Ukrainian children'
	},

	// What the Kremlin said of the talks
	{
		id: 'kremlin-said-leaders-would-discuss-proposals',
		predicate: 'said',
		subject: 'kremlin',
		value: {
			kind: 'text',
			text: 'the two leaders would discuss proposals put forward by China to end more than a year of fighting in Ukraine'
		},
		statement:
			'The Kremlin said Xi and Putin would discuss proposals put forward by China to end the fighting in Ukraine.',
		quote:
			'The Kremlin has said the two leaders would discuss proposals put forward by China to end more than a year of fighting in Ukraine'
	},
	{
		id: 'kremlin-said-talks-likely-to-end-with-agreements',
		predicate: 'said',
		subject: 'kremlin',
		value: {
			kind: 'text',
			text: 'the talks were likely to end with Xi and Putin signing a raft of agreements'
		},
		statement:
			'The Kremlin said the talks were likely to end with Xi and Putin signing a raft of agreements.',
		quote: 'the talks were likely to end with Xi and Putin signing a raft of agreements'
	},
	{
		// Text, not a number: 1 year would misstate "more than a year" in a numeric question.
		id: 'fighting-in-ukraine-duration',
		predicate: 'duration_of',
		subject: 'russian-assault-on-ukraine',
		value: { kind: 'text', text: 'more than a year' },
		statement: 'The fighting in Ukraine has gone on for more than a year.',
		quote: 'more than a year of fighting in Ukraine'
	},

	// Xi and Mishustin, Tuesday
	{
		id: 'xi-met-mishustin',
		predicate: 'met',
		subject: 'xi-jinping',
		object: 'mikhail-mishustin',
		date: secondDayOfVisit,
		statement: 'Xi met Prime Minister Mikhail Mishustin on the second day of his visit to Russia.',
		quote:
			'Xi earlier met with Prime Minister Mikhail Mishustin and hailed Russia and China as "great neighboring powers" on the second day of his visit to Russia.'
	},
	{
		id: 'xi-mishustin-meeting-date',
		predicate: 'happened_on',
		subject: 'xi-mishustin-meeting',
		date: secondDayOfVisit,
		statement:
			"Xi's meeting with Mishustin was on the second day of his visit to Russia, Tuesday 21 March 2023.",
		quote:
			'Xi earlier met with Prime Minister Mikhail Mishustin and hailed Russia and China as "great neighboring powers" on the second day of his visit to Russia.'
	},
	{
		id: 'xi-hailed-great-neighboring-powers',
		predicate: 'said',
		subject: 'xi-jinping',
		value: { kind: 'text', text: 'great neighboring powers' },
		date: secondDayOfVisit,
		statement: 'Xi hailed Russia and China as "great neighboring powers".',
		quote:
			'hailed Russia and China as "great neighboring powers" on the second day of his visit to Russia'
	},
	{
		id: 'xi-said-we-are-great-neighboring-powers',
		predicate: 'said',
		subject: 'xi-jinping',
		value: { kind: 'text', text: 'We are great neighboring powers' },
		statement:
			'Russian news agencies quoted Xi as saying "We are great neighboring powers" during a meeting with Mishustin.',
		quote:
			'"We are great neighboring powers," he was quoted by Russian news agencies as saying during a meeting with Mishustin.'
	},
	{
		id: 'xi-said-prioritize-partnership',
		predicate: 'said',
		subject: 'xi-jinping',
		value: {
			kind: 'text',
			text: 'continue to prioritize the all-round strategic partnership between China and Russia'
		},
		statement:
			'Xi said China\'s government would "continue to prioritize the all-round strategic partnership between China and Russia."',
		quote:
			'said China\'s government would "continue to prioritize the all-round strategic partnership between China and Russia."'
	},
	{
		id: 'xi-invited-putin',
		predicate: 'invited',
		subject: 'xi-jinping',
		object: 'vladimir-putin',
		value: { kind: 'text', text: 'to visit China this year' },
		statement: 'Xi said he had invited Putin to visit China this year.',
		quote: 'Xi, who said he had invited Putin to visit China this year'
	},

	// Trade and cooperation between China and Russia
	{
		id: 'china-russia-trade-ties',
		predicate: 'trades_with',
		subject: 'china',
		object: 'russia',
		statement: "China and Russia's trade ties have boomed since Russia's Ukraine campaign.",
		quote: "Beijing and Moscow's trade ties have boomed since Russia's Ukraine campaign"
	},
	{
		id: 'western-capitals-worried-about-ties',
		predicate: 'worried_about',
		subject: 'western-countries',
		value: { kind: 'text', text: 'how far the China-Russia ties will go' },
		statement: 'Western capitals are worried over how far the China-Russia ties will go.',
		quote: 'raising worries in Western capitals over how far the ties will go'
	},
	{
		id: 'russia-energy-exports-to-china',
		predicate: 'exports_to',
		subject: 'russia',
		object: 'china',
		value: { kind: 'text', text: 'energy' },
		statement:
			'Russia is boosting energy exports to China after being mostly shut out of European markets.',
		quote: 'Russia boosts energy exports to China after being mostly shut out of European markets'
	},
	{
		id: 'gazprom-supplies-china-via-power-of-siberia',
		predicate: 'exports_to',
		subject: 'gazprom',
		object: 'china',
		place: 'power-of-siberia-pipeline',
		value: { kind: 'text', text: 'supplies through the Power of Siberia pipeline' },
		statement: 'Gazprom sends supplies to China through the Power of Siberia pipeline.',
		quote: 'supplies through the Power of Siberia pipeline to China'
	},
	{
		id: 'gazprom-said-daily-record',
		predicate: 'said',
		subject: 'gazprom',
		value: {
			kind: 'text',
			text: 'supplies through the Power of Siberia pipeline to China had reached a daily record on Monday'
		},
		statement:
			'Ahead of the talks, Gazprom said supplies through the Power of Siberia pipeline to China had reached a daily record on Monday.',
		quote:
			'Ahead of the talks, Russian gas giant Gazprom said that supplies through the Power of Siberia pipeline to China had reached a daily record on Monday.'
	},
	{
		id: 'power-of-siberia-daily-record-date',
		predicate: 'happened_on',
		subject: 'power-of-siberia-daily-record',
		date: onMonday,
		statement:
			'Supplies through the Power of Siberia pipeline to China reached a daily record on Monday, 20 March 2023.',
		quote: 'had reached a daily record on Monday'
	},
	{
		id: 'china-seeks-to-counterbalance-us',
		predicate: 'seeks',
		subject: 'china',
		value: { kind: 'text', text: 'to counterbalance U.S. global dominance' },
		statement:
			'China has ramped up cooperation with Russia, driven by a desire to counterbalance U.S. global dominance.',
		quote:
			'Moscow and Beijing have over the past years ramped up cooperation, both driven by a desire to counterbalance U.S. global dominance.'
	},
	{
		id: 'russia-seeks-to-counterbalance-us',
		predicate: 'seeks',
		subject: 'russia',
		value: { kind: 'text', text: 'to counterbalance U.S. global dominance' },
		statement:
			'Russia has ramped up cooperation with China, driven by a desire to counterbalance U.S. global dominance.',
		quote:
			'Moscow and Beijing have over the past years ramped up cooperation, both driven by a desire to counterbalance U.S. global dominance.'
	},

	// Monday's talks
	{
		id: 'xi-held-talks-with-putin-monday',
		predicate: 'held_talks_with',
		subject: 'xi-jinping',
		object: 'vladimir-putin',
		date: onMonday,
		statement: 'On Monday, Xi and Putin held talks.',
		quote: 'On Monday, Xi and Putin held four and a half hours of talks'
	},
	{
		id: 'xi-putin-talks-date',
		predicate: 'happened_on',
		subject: 'xi-putin-talks',
		date: onMonday,
		statement: "Xi and Putin's four and a half hours of talks were on Monday, 20 March 2023.",
		quote: 'On Monday, Xi and Putin held four and a half hours of talks'
	},
	{
		id: 'xi-putin-talks-duration',
		predicate: 'duration_of',
		subject: 'xi-putin-talks',
		value: { kind: 'number', amount: 4.5, unit: 'hours' },
		statement: "Xi and Putin's talks on Monday lasted four and a half hours.",
		quote: 'Xi and Putin held four and a half hours of talks'
	},
	{
		id: 'xi-called-putin-dear-friend',
		predicate: 'described_as',
		subject: 'xi-jinping',
		object: 'vladimir-putin',
		value: { kind: 'text', text: 'dear friend' },
		date: onMonday,
		statement: 'Xi called Putin "dear friend" at their talks on Monday.',
		quote:
			'On Monday, Xi and Putin held four and a half hours of talks, calling each other "dear friend."'
	},
	{
		id: 'putin-called-xi-dear-friend',
		predicate: 'described_as',
		subject: 'vladimir-putin',
		object: 'xi-jinping',
		value: { kind: 'text', text: 'dear friend' },
		date: onMonday,
		statement: 'Putin called Xi "dear friend" at their talks on Monday.',
		quote:
			'On Monday, Xi and Putin held four and a half hours of talks, calling each other "dear friend."'
	},
	{
		id: 'putin-escorted-xi',
		predicate: 'escorted',
		subject: 'vladimir-putin',
		object: 'xi-jinping',
		value: { kind: 'text', text: 'to his car after the talks' },
		date: onMonday,
		statement: 'In a rare move, Putin escorted Xi to his car after the talks.',
		quote: 'In a rare move, Putin escorted Xi to his car after the talks'
	},
	{
		id: 'putin-open-to-talks-on-ukraine',
		predicate: 'said',
		subject: 'vladimir-putin',
		value: { kind: 'text', text: 'he was open to talks on Ukraine' },
		// "That meeting" is Monday's talks with Xi, told in the paragraph before.
		date: onMonday,
		statement:
			'On Monday, Putin said during his talks with Xi that he was open to talks on Ukraine.',
		quote: 'During that meeting, the Russian leader said he was open to talks on Ukraine'
	},

	// China's 12-point position paper
	{
		id: 'putin-praised-position-paper',
		predicate: 'praised',
		subject: 'vladimir-putin',
		object: 'china-position-paper',
		statement: "Putin praised Beijing's 12-point position paper on the conflict.",
		quote: "praised Beijing's 12-point position paper on the conflict"
	},
	{
		id: 'position-paper-point-count',
		predicate: 'count_of',
		subject: 'china-position-paper',
		value: { kind: 'number', amount: 12, unit: 'points' },
		statement: "China's position paper on the conflict has 12 points.",
		quote: "Beijing's 12-point position paper on the conflict"
	},
	{
		id: 'position-paper-includes-call-for-dialogue',
		predicate: 'includes',
		subject: 'china-position-paper',
		value: { kind: 'text', text: 'a call for dialogue' },
		statement: "China's 12-point position paper includes a call for dialogue.",
		quote: 'which includes a call for dialogue'
	},
	{
		id: 'position-paper-includes-territorial-sovereignty',
		predicate: 'includes',
		subject: 'china-position-paper',
		value: { kind: 'text', text: "respect for all countries' territorial sovereignty" },
		statement:
			"China's 12-point position paper includes respect for all countries' territorial sovereignty.",
		quote:
			"which includes a call for dialogue and respect for all countries' territorial sovereignty"
	},
	{
		id: 'china-called-for-impartial-mediation',
		predicate: 'called_for',
		subject: 'china',
		value: { kind: 'text', text: '"impartial" mediation in the conflict' },
		statement: 'Beijing has called for an "impartial" mediation in the conflict.',
		quote: 'Beijing has called for an "impartial" mediation in the conflict'
	},
	{
		id: 'western-countries-on-china-proposals',
		predicate: 'described_as',
		subject: 'western-countries',
		object: 'china-position-paper',
		value: { kind: 'text', text: 'heavy on grand principles but light on practical solutions' },
		statement:
			"Western countries have argued that China's proposals are heavy on grand principles but light on practical solutions.",
		quote:
			"Western countries have argued that China's proposals are heavy on grand principles but light on practical solutions"
	},
	{
		id: 'us-said-proposals-consolidate-russian-conquest',
		predicate: 'said',
		subject: 'united-states',
		value: { kind: 'text', text: 'Russian conquest' },
		date: lastWeek,
		statement:
			'The United States said last week that China\'s proposals would simply consolidate "Russian conquest".',
		quote:
			'The United States said last week that China\'s proposals would simply consolidate "Russian conquest"'
	},
	{
		id: 'us-said-proposals-allow-fresh-offensive',
		predicate: 'said',
		subject: 'united-states',
		value: { kind: 'text', text: 'allow the Kremlin to prepare a fresh offensive' },
		date: lastWeek,
		statement:
			"The United States said last week that China's proposals would allow the Kremlin to prepare a fresh offensive.",
		quote:
			'The United States said last week that China\'s proposals would simply consolidate "Russian conquest" and allow the Kremlin to prepare a fresh offensive.'
	},
	{
		id: 'us-statement-on-china-proposals-date',
		predicate: 'happened_on',
		subject: 'us-statement-on-china-proposals',
		date: lastWeek,
		statement:
			"The United States made its statement on China's proposals last week, in March 2023.",
		quote: "The United States said last week that China's proposals"
	},

	// China's posture and the U.S. view of it
	{
		id: 'china-portrays-itself-neutral',
		predicate: 'described_as',
		subject: 'china',
		object: 'china',
		value: { kind: 'text', text: 'a neutral party in the Ukraine conflict' },
		statement: 'China has sought to portray itself as a neutral party in the Ukraine conflict.',
		quote: 'China has sought to portray itself as a neutral party in the Ukraine conflict'
	},
	{
		id: 'washington-said-stalling-tactic',
		predicate: 'said',
		subject: 'united-states',
		value: { kind: 'text', text: 'stalling tactic' },
		statement: 'Washington has said Beijing\'s moves could be a "stalling tactic" to help Moscow.',
		quote: 'Washington has said Beijing\'s moves could be a "stalling tactic" to help Moscow.'
	},
	{
		id: 'blinken-said-china-feels-no-responsibility',
		predicate: 'said',
		subject: 'antony-blinken',
		value: {
			kind: 'text',
			text: 'suggests that China feels no responsibility to hold the president accountable for the atrocities committed to Ukraine'
		},
		statement:
			'Blinken said Xi\'s Moscow visit "suggests that China feels no responsibility to hold the president accountable for the atrocities committed to Ukraine."',
		quote:
			'Antony Blinken said Xi\'s Moscow visit "suggests that China feels no responsibility to hold the president accountable for the atrocities committed to Ukraine."'
	},
	{
		id: 'blinken-said-diplomatic-cover',
		predicate: 'said',
		subject: 'antony-blinken',
		value: {
			kind: 'text',
			text: 'And instead of even condemning, it would rather provide diplomatic cover for Russia to continue to commit those great crimes'
		},
		statement:
			'Blinken added that instead of even condemning, China "would rather provide diplomatic cover for Russia to continue to commit those great crimes."',
		quote:
			'"And instead of even condemning, it would rather provide diplomatic cover for Russia to continue to commit those great crimes," he added.'
	},
	{
		id: 'us-accused-china-of-mulling-arms-exports',
		predicate: 'accused_of',
		subject: 'china',
		object: 'united-states',
		value: { kind: 'text', text: 'mulling arms exports to Moscow' },
		statement: 'The United States has accused Beijing of mulling arms exports to Moscow.',
		quote: 'The United States has accused Beijing of mulling arms exports to Moscow'
	},
	{
		id: 'china-denied-mulling-arms-exports',
		predicate: 'denied',
		subject: 'china',
		value: { kind: 'text', text: 'mulling arms exports to Moscow' },
		statement: 'China has vociferously denied claims that it is mulling arms exports to Moscow.',
		quote:
			'The United States has accused Beijing of mulling arms exports to Moscow, claims China has vociferously denied.'
	},
	{
		id: 'zelensky-would-welcome-talks-with-xi',
		predicate: 'welcomed',
		subject: 'volodymyr-zelensky',
		value: { kind: 'text', text: 'talks with Xi' },
		statement: 'Zelensky has said he would welcome talks with Xi.',
		quote: 'Zelensky has said he would welcome talks with Xi'
	},

	// Putin in Mariupol, and the assault
	{
		id: 'putin-traveled-to-mariupol',
		predicate: 'traveled_to',
		subject: 'vladimir-putin',
		object: 'mariupol',
		date: { date: '2023-03-19', precision: 'day', wording: "a day before Xi's visit began" },
		statement: 'Putin traveled to Mariupol in eastern Ukraine.',
		quote: 'Putin traveled to Mariupol in eastern Ukraine'
	},
	{
		// Xi's visit began on Monday 20 March, "a day after" this trip.
		id: 'putin-mariupol-trip-date',
		predicate: 'happened_on',
		subject: 'putin-mariupol-trip',
		date: {
			date: '2023-03-19',
			precision: 'day',
			wording: "a day before Xi's three-day visit began"
		},
		statement:
			"Putin's trip to Mariupol was on Sunday, 19 March 2023, a day before Xi's visit began.",
		quote: "Xi's three-day visit began a day after Putin traveled to Mariupol"
	},
	{
		id: 'mariupol-in-eastern-ukraine',
		predicate: 'located_in',
		subject: 'mariupol',
		object: 'ukraine',
		value: { kind: 'text', text: 'eastern Ukraine' },
		statement: 'Mariupol is in eastern Ukraine.',
		quote: 'Mariupol in eastern Ukraine'
	},
	{
		id: 'mariupol-captured-territory',
		predicate: 'is_a',
		subject: 'mariupol',
		value: { kind: 'text', text: 'territory captured from Kyiv' },
		statement:
			"Mariupol is territory captured from Kyiv; Putin's trip there was his first to such territory since the start of the assault.",
		quote:
			'Putin traveled to Mariupol in eastern Ukraine, his first trip to territory captured from Kyiv since the start of the assault'
	},
	{
		// The event's date is its start; the article gives no end.
		id: 'russian-assault-start-date',
		predicate: 'happened_on',
		subject: 'russian-assault-on-ukraine',
		date: { date: '2022-02', precision: 'month', wording: 'February 2022' },
		statement: "Russia's assault on Ukraine started in February 2022.",
		quote: 'since the start of the assault in February 2022'
	},

	// Kishida in Kyiv
	{
		id: 'kishida-visited-kyiv',
		predicate: 'visited',
		subject: 'fumio-kishida',
		object: 'kyiv',
		date: duringXisTrip,
		statement:
			"Japanese Prime Minister Fumio Kishida made a surprise visit to Kyiv during Xi's trip.",
		quote:
			"Xi's trip coincides with a surprise visit to Kyiv by Japanese Prime Minister Fumio Kishida"
	},
	{
		// Xi's trip ran from 20 to 22 March, so a visit coinciding with it falls in March 2023.
		id: 'kishida-visit-to-kyiv-date',
		predicate: 'happened_on',
		subject: 'kishida-visit-to-kyiv',
		date: { date: '2023-03', precision: 'month', wording: "coinciding with Xi's trip" },
		statement: "Kishida's surprise visit to Kyiv coincided with Xi's trip, in March 2023.",
		quote:
			"Xi's trip coincides with a surprise visit to Kyiv by Japanese Prime Minister Fumio Kishida"
	},
	{
		id: 'kishida-visited-bucha',
		predicate: 'visited',
		subject: 'fumio-kishida',
		object: 'bucha',
		date: duringXisTrip,
		statement: 'Kishida visited Bucha.',
		quote: 'Fumio Kishida, who visited Bucha'
	},
	{
		id: 'bucha-is-a-town',
		predicate: 'is_a',
		subject: 'bucha',
		value: { kind: 'text', text: 'town' },
		statement: 'Bucha is a town where Russian forces were accused of committing atrocities.',
		quote: 'Bucha, a town where Russian forces were accused of committing atrocities'
	},
	{
		id: 'russian-forces-accused-of-atrocities-in-bucha',
		predicate: 'accused_of',
		subject: 'russian-forces',
		value: { kind: 'text', text: 'committing atrocities during their occupation' },
		date: lastYear,
		place: 'bucha',
		statement:
			'Russian forces were accused of committing atrocities in Bucha during their occupation last year.',
		quote:
			'a town where Russian forces were accused of committing atrocities during their occupation last year'
	},
	{
		id: 'bucha-atrocities-date',
		predicate: 'happened_on',
		subject: 'bucha-atrocities',
		date: lastYear,
		statement:
			'The atrocities Russian forces were accused of in Bucha were during their occupation last year, 2022.',
		quote: 'accused of committing atrocities during their occupation last year'
	},
	{
		id: 'ministry-called-trip-historic',
		predicate: 'described_as',
		subject: 'ukraine-foreign-ministry',
		object: 'kishida-visit-to-kyiv',
		value: { kind: 'text', text: 'historic' },
		statement: 'Ukraine\'s foreign ministry described Kishida\'s trip as "historic".',
		quote: 'Ukraine\'s foreign ministry described the trip as "historic"'
	},
	{
		id: 'ministry-called-trip-sign-of-solidarity',
		predicate: 'described_as',
		subject: 'ukraine-foreign-ministry',
		object: 'kishida-visit-to-kyiv',
		value: {
			kind: 'text',
			text: 'a sign of solidarity and strong cooperation between (Ukraine and Japan)'
		},
		statement:
			'Ukraine\'s foreign ministry called Kishida\'s trip "a sign of solidarity and strong cooperation between (Ukraine and Japan)."',
		quote: 'called it "a sign of solidarity and strong cooperation between (Ukraine and Japan)."'
	},
	{
		// Planned, not reported as done: the statement keeps "is to".
		id: 'kishida-met-zelensky',
		predicate: 'met',
		subject: 'fumio-kishida',
		object: 'volodymyr-zelensky',
		place: 'kyiv',
		statement: 'As part of his visit to Kyiv, Kishida is to hold a meeting with Zelensky.',
		quote:
			'As part of Kishida\'s visit to Kyiv, he is to offer "solidarity and support" in a meeting with Zelensky.'
	},
	{
		id: 'kishida-offers-solidarity-and-support',
		predicate: 'said',
		subject: 'fumio-kishida',
		value: { kind: 'text', text: 'solidarity and support' },
		place: 'kyiv',
		statement: 'Kishida is to offer "solidarity and support" in a meeting with Zelensky.',
		quote: 'he is to offer "solidarity and support" in a meeting with Zelensky'
	},
	{
		id: 'kishida-last-g7-leader-to-visit-ukraine',
		predicate: 'is_a',
		subject: 'fumio-kishida',
		value: { kind: 'text', text: 'the last Group of Seven leader to visit Ukraine' },
		statement: 'Kishida is the last Group of Seven leader to visit Ukraine.',
		quote: 'Kishida is the last Group of Seven leader to visit Ukraine'
	},

	// Japan, the G7 and the Quad
	{
		id: 'japan-member-of-g7',
		predicate: 'member_of',
		subject: 'japan',
		object: 'group-of-seven',
		statement:
			"Japan belongs to the Group of Seven: its prime minister is a G7 leader and it hosts the grouping's summit.",
		quote:
			"Kishida is the last Group of Seven leader to visit Ukraine and has come under increasing pressure to make the trip, as Japan hosts the grouping's summit this May."
	},
	{
		id: 'japan-hosts-g7-summit',
		predicate: 'hosts',
		subject: 'japan',
		object: 'g7-summit-2023',
		date: thisMay,
		statement: 'Japan hosts the Group of Seven summit this May.',
		quote: "Japan hosts the grouping's summit this May"
	},
	{
		id: 'g7-summit-date',
		predicate: 'happened_on',
		subject: 'g7-summit-2023',
		date: thisMay,
		statement: 'The Group of Seven summit in Japan is this May, May 2023.',
		quote: "Japan hosts the grouping's summit this May"
	},
	{
		id: 'japan-china-trading-partners',
		predicate: 'trades_with',
		subject: 'japan',
		object: 'china',
		statement: 'Japan and China are close trading partners.',
		quote: 'Japan and China are close trading partners'
	},
	{
		id: 'japan-worried-about-china-assertiveness',
		predicate: 'worried_about',
		subject: 'japan',
		value: { kind: 'text', text: "Beijing's growing assertiveness in the region" },
		statement:
			"Tokyo has been increasingly worried about Beijing's growing assertiveness in the region.",
		quote: "Tokyo has been increasingly worried about Beijing's growing assertiveness in the region"
	},
	{
		id: 'quad-is-us-led-security-alliance',
		predicate: 'is_a',
		subject: 'quad',
		value: { kind: 'text', text: 'U.S.-led security alliance' },
		statement: 'The Quad is a U.S.-led security alliance; "the Quad" is its informal name.',
		quote: 'the U.S.-led security alliance known informally as the Quad'
	},
	{
		id: 'japan-member-of-quad',
		predicate: 'member_of',
		subject: 'japan',
		object: 'quad',
		statement: 'Japan is part of the U.S.-led security alliance known informally as the Quad.',
		quote: 'Japan is part of the U.S.-led security alliance known informally as the Quad'
	},
	{
		id: 'india-member-of-quad',
		predicate: 'member_of',
		subject: 'india',
		object: 'quad',
		statement: 'India is a member of the Quad.',
		quote: 'the Quad, which also includes India and Australia'
	},
	{
		id: 'australia-member-of-quad',
		predicate: 'member_of',
		subject: 'australia',
		object: 'quad',
		statement: 'Australia is a member of the Quad.',
		quote: 'the Quad, which also includes India and Australia'
	},
	{
		// "U.S.-led": leading the alliance places the United States in it.
		id: 'united-states-member-of-quad',
		predicate: 'member_of',
		subject: 'united-states',
		object: 'quad',
		statement: 'The United States is in the Quad, the security alliance it leads.',
		quote: 'the U.S.-led security alliance known informally as the Quad'
	},
	{
		id: 'japan-bulwark-against-china',
		predicate: 'described_as',
		subject: 'japan',
		object: 'japan',
		value: { kind: 'text', text: "a bulwark against China's military ambitions" },
		place: 'asia-and-the-pacific',
		statement:
			"Japan positions itself as a bulwark against China's military ambitions in Asia and the Pacific.",
		quote:
			"positions itself as a bulwark against China's military ambitions in Asia and the Pacific"
	},

	// The UN Security Council
	{
		id: 'china-permanent-member-un-security-council',
		predicate: 'member_of',
		subject: 'china',
		object: 'un-security-council',
		statement: 'China is a permanent member of the UN Security Council, with veto power.',
		quote:
			'China and Russia have often worked in lockstep at the UN Security Council, using their veto power as permanent council members'
	},
	{
		id: 'russia-permanent-member-un-security-council',
		predicate: 'member_of',
		subject: 'russia',
		object: 'un-security-council',
		statement: 'Russia is a permanent member of the UN Security Council, with veto power.',
		quote:
			'China and Russia have often worked in lockstep at the UN Security Council, using their veto power as permanent council members'
	},

	// Taiwan
	{
		id: 'western-powers-fear-for-taiwan',
		predicate: 'worried_about',
		subject: 'western-countries',
		value: {
			kind: 'text',
			text: 'China could one day try to take control of the self-ruled island of Taiwan'
		},
		statement:
			"Russia's assault on Ukraine has deepened fears among Western powers that China could one day try to take control of Taiwan.",
		quote:
			"Russia's assault on Ukraine has also deepened fears among Western powers that China could one day try to take control of the self-ruled island of Taiwan"
	},
	{
		id: 'taiwan-self-ruled-island',
		predicate: 'is_a',
		subject: 'taiwan',
		value: { kind: 'text', text: 'self-ruled island' },
		statement: 'Taiwan is a self-ruled island.',
		quote: 'the self-ruled island of Taiwan'
	},
	{
		id: 'china-sees-taiwan-as-its-territory',
		predicate: 'sees_as',
		subject: 'china',
		object: 'taiwan',
		value: { kind: 'text', text: 'part of its territory' },
		statement: 'Beijing sees Taiwan as part of its territory.',
		quote: 'Taiwan, which Beijing sees as part of its territory'
	}
];
