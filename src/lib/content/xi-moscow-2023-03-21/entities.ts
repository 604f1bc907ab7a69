// The people, countries, bodies, places, documents and events of the Xi-in-Moscow article.
// Aliases are accepted answers and screen distractors, so no alias may name two entities.
import type { Entity } from '../../domain/fact-base';

export const entities: Entity[] = [
	// People
	{
		id: 'xi-jinping',
		kind: 'person',
		name: 'Xi Jinping',
		aliases: ['Xi', 'Chinese leader Xi Jinping', 'the Chinese leader', 'Chinese leader'],
		role: 'Chinese leader'
	},
	{
		id: 'vladimir-putin',
		kind: 'person',
		name: 'Vladimir Putin',
		aliases: [
			'Putin',
			'Russian President Vladimir Putin',
			'the Russian leader',
			'Russian President'
		],
		role: 'Russian President'
	},
	{
		id: 'mikhail-mishustin',
		kind: 'person',
		name: 'Mikhail Mishustin',
		aliases: ['Mishustin', 'Prime Minister Mikhail Mishustin'],
		// The article never says whose prime minister he is, so the role stays bare.
		role: 'Prime Minister'
	},
	{
		id: 'fumio-kishida',
		kind: 'person',
		name: 'Fumio Kishida',
		aliases: ['Kishida', 'Japanese Prime Minister Fumio Kishida'],
		role: 'Japanese Prime Minister'
	},
	{
		id: 'antony-blinken',
		kind: 'person',
		name: 'Antony Blinken',
		aliases: ['Blinken', 'U.S. Secretary of State Antony Blinken'],
		role: 'U.S. Secretary of State'
	},
	{
		// The article says only "Zelensky" and gives him no title, so he has no role here.
		id: 'volodymyr-zelensky',
		kind: 'person',
		name: 'Volodymyr Zelensky',
		aliases: ['Zelensky', 'Zelenskyy', 'Volodymyr Zelenskyy']
	},

	// Countries
	{
		id: 'china',
		kind: 'country',
		name: 'China',
		// The article uses "Beijing" only for the state, and Beijing the city is not an entity.
		aliases: ['Beijing', "People's Republic of China"]
	},
	{
		id: 'russia',
		kind: 'country',
		name: 'Russia',
		// Not "Moscow": the article also means the city by it ("Xi's Moscow visit"), and Moscow
		// is its own place entity, so the alias would make a distractor ambiguous.
		aliases: ['Russian Federation']
	},
	{
		id: 'ukraine',
		kind: 'country',
		name: 'Ukraine',
		// Not "Kyiv": Kishida visits Kyiv the city, a place entity of its own.
		aliases: []
	},
	{
		id: 'united-states',
		kind: 'country',
		name: 'United States',
		aliases: ['U.S.', 'US', 'USA', 'Washington', 'the United States', 'United States of America']
	},
	{
		id: 'japan',
		kind: 'country',
		name: 'Japan',
		// "Tokyo has been increasingly worried" means the state; Tokyo the city is not an entity.
		aliases: ['Tokyo']
	},
	{ id: 'india', kind: 'country', name: 'India', aliases: [] },
	{ id: 'australia', kind: 'country', name: 'Australia', aliases: [] },
	{
		// A group of countries rather than one; 'country' is the nearest kind, and it keeps the
		// group among the country distractors where a learner would look for it.
		id: 'western-countries',
		kind: 'country',
		name: 'Western countries',
		aliases: ['the West', 'Western powers', 'Western capitals']
	},

	// Organisations
	{
		id: 'gazprom',
		kind: 'organisation',
		name: 'Gazprom',
		aliases: ['Russian gas giant Gazprom'],
		role: 'Russian gas giant'
	},
	{
		id: 'international-criminal-court',
		kind: 'organisation',
		name: 'International Criminal Court',
		aliases: ['ICC']
	},
	{
		id: 'un-security-council',
		kind: 'organisation',
		name: 'UN Security Council',
		aliases: ['United Nations Security Council', 'Security Council', 'UNSC']
	},
	{
		id: 'quad',
		kind: 'organisation',
		name: 'Quad',
		aliases: ['the Quad', 'Quadrilateral Security Dialogue']
	},
	{
		id: 'group-of-seven',
		kind: 'organisation',
		name: 'Group of Seven',
		aliases: ['G7', 'G-7']
	},
	{
		id: 'ukraine-foreign-ministry',
		kind: 'organisation',
		name: "Ukraine's foreign ministry",
		aliases: ['Ukrainian foreign ministry']
	},
	{
		id: 'russian-news-agencies',
		kind: 'organisation',
		name: 'Russian news agencies',
		aliases: []
	},
	{
		id: 'russian-forces',
		kind: 'organisation',
		name: 'Russian forces',
		aliases: []
	},
	{
		id: 'military-band',
		kind: 'organisation',
		name: 'military band',
		aliases: []
	},
	{
		id: 'senior-russian-officials',
		kind: 'organisation',
		name: 'delegation of senior Russian officials',
		aliases: ['senior Russian officials']
	},

	// Places
	{
		// Also the Russian presidency ("The Kremlin has said"); one entity, since a learner
		// would not tell the building from the office it houses.
		id: 'kremlin',
		kind: 'place',
		name: 'Kremlin',
		aliases: ['the Kremlin']
	},
	{ id: 'moscow', kind: 'place', name: 'Moscow', aliases: [] },
	{ id: 'kyiv', kind: 'place', name: 'Kyiv', aliases: ['Kiev'] },
	{ id: 'bucha', kind: 'place', name: 'Bucha', aliases: [] },
	{ id: 'mariupol', kind: 'place', name: 'Mariupol', aliases: [] },
	{ id: 'taiwan', kind: 'place', name: 'Taiwan', aliases: [] },
	{
		// A place rather than an organisation: supplies run "through" it, nobody runs it in the
		// article, and it answers "where" questions.
		id: 'power-of-siberia-pipeline',
		kind: 'place',
		name: 'Power of Siberia pipeline',
		aliases: ['Power of Siberia']
	},
	{
		id: 'asia-and-the-pacific',
		kind: 'place',
		name: 'Asia and the Pacific',
		aliases: ['Asia-Pacific']
	},
	{ id: 'european-markets', kind: 'place', name: 'European markets', aliases: [] },

	// Documents
	{
		// "Proposals put forward by China" and "China's proposals" are aliases: the Kremlin says
		// the leaders will discuss them to end the fighting, and Putin praises the paper on the
		// conflict at those talks, so the article uses both for the one plan.
		id: 'china-position-paper',
		kind: 'document',
		name: "China's 12-point position paper",
		aliases: [
			'12-point position paper',
			'position paper',
			"Beijing's 12-point position paper",
			"China's proposals",
			'proposals put forward by China'
		]
	},
	{
		id: 'icc-warrant',
		kind: 'document',
		name: 'International Criminal Court warrant',
		aliases: ['ICC warrant']
	},
	{
		// Sanctions are legal measures, which 'document' fits better than any other kind.
		id: 'western-sanctions',
		kind: 'document',
		name: 'Western sanctions',
		aliases: []
	},

	// Events
	{
		id: 'xi-visit-to-russia',
		kind: 'event',
		name: "Xi's visit to Russia",
		aliases: ["Xi's Moscow visit", "Xi's three-day visit", "Xi's trip"]
	},
	{
		id: 'xi-arrival-at-kremlin',
		kind: 'event',
		name: "Xi's arrival at the Kremlin",
		aliases: []
	},
	{
		// Tuesday's talks; Monday's are xi-putin-talks. Neither takes the bare "Xi-Putin talks".
		id: 'xi-putin-formal-talks',
		kind: 'event',
		name: 'Xi-Putin formal talks at the Kremlin',
		aliases: ['formal talks']
	},
	{
		id: 'xi-putin-talks',
		kind: 'event',
		name: 'Xi-Putin talks on Monday',
		aliases: ['four and a half hours of talks']
	},
	{
		id: 'xi-mishustin-meeting',
		kind: 'event',
		name: "Xi's meeting with Mishustin",
		aliases: ['Xi-Mishustin meeting']
	},
	{
		id: 'putin-mariupol-trip',
		kind: 'event',
		name: "Putin's trip to Mariupol",
		aliases: ["Putin's Mariupol trip"]
	},
	{
		id: 'russian-assault-on-ukraine',
		kind: 'event',
		name: "Russia's assault on Ukraine",
		aliases: [
			'Ukraine conflict',
			"Russia's Ukraine campaign",
			'fighting in Ukraine',
			'war in Ukraine'
		]
	},
	{
		id: 'power-of-siberia-daily-record',
		kind: 'event',
		name: 'Power of Siberia daily supply record',
		aliases: ["Gazprom's daily record"]
	},
	{
		id: 'kishida-visit-to-kyiv',
		kind: 'event',
		name: "Kishida's visit to Kyiv",
		aliases: ["Kishida's surprise visit to Kyiv"]
	},
	{
		// The article calls it "the grouping's summit" hosted by Japan "this May", i.e. 2023.
		id: 'g7-summit-2023',
		kind: 'event',
		name: 'Group of Seven summit in Japan',
		aliases: ['G7 summit']
	},
	{
		id: 'us-statement-on-china-proposals',
		kind: 'event',
		name: "U.S. statement on China's proposals",
		aliases: []
	},
	{
		// The article reports an accusation, so the name does not claim the atrocities as proven.
		id: 'bucha-atrocities',
		kind: 'event',
		name: 'alleged atrocities in Bucha',
		aliases: ['Bucha atrocities', 'atrocities in Bucha']
	}
];
