// Word lists the stages share: titles, the head nouns that tell an organisation from a place
// or a document, and the verbs of meeting, travel and speech. Lower case throughout.

const words = (list: string) => new Set(list.trim().split(/\s*\n\s*|\s*,\s*/));

/** Words a person's title is made of ("Prime Minister", "Secretary of State"). */
export const titleWords = words(`
president, vice, prime, minister, secretary, chancellor, king, queen, prince, princess, pope,
general, admiral, senator, governor, mayor, ambassador, foreign, defence, defense, interior,
finance, deputy, chief, justice, judge, speaker, premier, emperor, empress, sultan, emir,
president-elect, dr, dr., professor, prof., mr, mr., mrs, mrs., ms, ms., sir, dame, lord, lady,
captain, colonel, commander, director, chairman, chairwoman, chair, leader, ceo, state,
secretary-general, archbishop, bishop, cardinal, rabbi, imam, sheikh, crown, supreme, envoy,
spokesman, spokeswoman, spokesperson, lieutenant, major, sergeant, officer, representative,
congressman, congresswoman, treasurer, attorney, prosecutor, economist, scientist, physicist,
chemist, biologist, astronomer, astronaut, author, writer, poet, painter, composer, explorer,
inventor, founder, historian, philosopher, engineer, mathematician, naturalist, coach, striker,
actor, actress, singer, journalist, correspondent, analyst, activist, dissident, candidate,
administrator, physician, doctor, surgeon, nurse, pathologist, biochemist, geologist, geneticist,
researcher, professor, lecturer, teacher, student, pilot, captain, navigator, chancellor,
spokesman, manager, executive, diplomat, negotiator, lawyer, banker, investor, entrepreneur
`);

/** The last word of a title: a title ends in one ("Russian President", "gas giant"). */
export const roleHeads = words(`
president, minister, secretary, chancellor, king, queen, prince, princess, pope, general,
admiral, senator, governor, mayor, ambassador, justice, judge, speaker, premier, emperor,
empress, sultan, emir, president-elect, professor, leader, ceo, chairman, chairwoman, chair,
director, commander, captain, colonel, envoy, spokesman, spokeswoman, spokesperson, chief,
secretary-general, archbishop, bishop, cardinal, lieutenant, officer, representative,
congressman, congresswoman, treasurer, attorney, prosecutor, economist, scientist, physicist,
chemist, biologist, astronomer, astronaut, author, writer, poet, painter, composer, explorer,
inventor, founder, historian, philosopher, engineer, mathematician, naturalist, coach, striker,
actor, actress, singer, journalist, correspondent, analyst, activist, dissident, candidate,
administrator, physician, doctor, surgeon, nurse, pathologist, biochemist, geologist, geneticist,
researcher, lecturer, teacher, pilot, navigator, manager, executive, diplomat, negotiator,
lawyer, banker, investor, entrepreneur,
giant, company, firm, group, maker, producer, manufacturer, carrier, airline, operator, bank,
retailer, broadcaster, newspaper, agency, conglomerate, startup, insurer, lender, miner,
automaker, carmaker, chipmaker, developer, exporter, importer, supplier, utility
`);

/** Heads of a title that make its bearer an organisation, not a person ("gas giant Gazprom"). */
export const organisationRoleHeads = words(`
giant, company, firm, group, maker, producer, manufacturer, carrier, airline, operator, bank,
retailer, broadcaster, newspaper, agency, conglomerate, startup, insurer, lender, miner,
automaker, carmaker, chipmaker, developer, exporter, importer, supplier, utility
`);

/** Titles of leaders: "the Russian leader" may stand for the Russian President. */
export const leaderTitles = words(`
president, prime minister, premier, chancellor, king, queen, emperor, leader, sultan, emir,
supreme leader, head of state
`);

/** Last words of an organisation's name ("International Criminal Court"). */
export const organisationHeads = words(`
court, council, ministry, agency, university, bank, party, union, organization, organisation,
institute, institution, committee, commission, parliament, congress, senate, assembly, army,
navy, corporation, company, inc, inc., corp, corp., ltd, group, association, society,
foundation, fund, office, department, service, police, league, alliance, federation, bureau,
academy, college, school, network, board, authority, forces, guard, command, cabinet,
government, administration, reserve, observatory, laboratory, lab, nasa, club, team, times,
post, journal, press, news, church, movement, front, coalition, tribunal, secretariat,
directorate, duma, bundestag, knesset, hospital, museum, library, observatory, agency
`);

/** Last words of a place's name, or a word for a place right after a name ("pipeline"). */
export const placeHeads = words(`
river, mountains, mountain, mount, lake, sea, ocean, island, islands, street, square, palace,
bridge, canal, valley, desert, peninsula, bay, gulf, strait, park, pipeline, station, airport,
cathedral, castle, hall, tower, city, county, province, state, region, coast, basin, plain,
plateau, forest, harbour, harbor, port, road, avenue, gate, wall, field, fields, plant, mine,
dam, reactor, base, camp, border, moon, planet, star, galaxy, crater, mare, channel, falls
`);

/** Words for a kind of place that may stand beside a name ("Bucha, a town"). */
export const placeNouns = words(`
town, city, village, region, province, country, island, capital, port, state, district,
territory, republic, kingdom, county, suburb, neighbourhood, neighborhood, settlement, enclave,
peninsula, river, lake, mountain, valley, crater, planet, moon, star, site, base
`);

/** Last words of an event's name ("Second World War", "Paris Peace Conference"). */
export const eventHeads = words(`
war, revolution, summit, games, olympics, conference, battle, crisis, election, elections,
festival, cup, championship, expedition, mission, uprising, rebellion, massacre, siege,
invasion, earthquake, flood, famine, pandemic, congress, talks, landing, launch, eclipse
`);

/** Last words of a document's name or description ("12-point position paper"). */
export const documentHeads = words(`
treaty, agreement, accord, act, convention, declaration, charter, constitution, bill, report,
paper, plan, protocol, resolution, law, warrant, sanctions, proposal, proposals, deal, pact,
manifesto, memorandum, statute, decree, order, directive, budget, strategy, roadmap, doctrine,
theory, law, principle, equation
`);

/** Nouns naming a collective of people that can act ("a military band", "Russian forces"). */
export const groupNouns = words(`
forces, troops, army, military, officials, authorities, diplomats, lawmakers, police, navy,
government, ministry, foreign ministry, defence ministry, defense ministry, news agencies,
news agency, media, band, delegation, orchestra, choir, crowd, protesters, rebels, militants,
soldiers, scientists, researchers, astronomers, investigators, prosecutors, regulators,
negotiators, voters, workers, students, settlers, colonists
`);

/** Nouns for places a country's or bloc's adjective names ("European markets"). */
export const blocPlaceNouns = words(`markets, waters, airspace, soil, shores, skies`);

/** Nouns for groups of countries ("Western powers"). */
export const blocNouns = words(`countries, powers, nations, capitals, governments, allies, states`);

/** Nouns that name an event (a visit, talks) and the verb that tells of it. */
export const eventNouns: Record<string, string> = {
	visit: 'visited',
	trip: 'traveled',
	journey: 'traveled',
	tour: 'traveled',
	talks: 'held talks',
	meeting: 'met',
	summit: 'held',
	arrival: 'arrived',
	assault: 'attacked',
	attack: 'attacked',
	invasion: 'invaded',
	war: 'fought',
	occupation: 'occupied',
	election: 'held',
	launch: 'launched',
	landing: 'landed',
	record: 'reached',
	statement: 'said',
	speech: 'spoke',
	conference: 'held',
	discovery: 'discovered',
	expedition: 'led',
	voyage: 'sailed',
	campaign: 'waged',
	offensive: 'launched',
	ceremony: 'held',
	signing: 'signed'
};

/** Event nouns that name one thing under two words: "Xi's trip" is "Xi's visit". */
export const eventClasses: Record<string, string> = {
	visit: 'visit',
	trip: 'visit',
	journey: 'visit',
	tour: 'visit'
};

/** Verbs of telling, in every form a report uses. */
export const speechVerbs = words(`
said, says, say, saying, told, tells, added, adds, stated, states, announced, announces,
declared, declares, warned, warns, insisted, insists, argued, argues, claimed, claims, wrote,
writes, noted, notes, explained, explains, stressed, stresses, replied, replies, remarked,
asserted, asserts, acknowledged, acknowledges, admitted, admits, suggested, suggests,
confirmed, confirms, reported, reports, urged, urges
`);

/** A past-tense verb and the noun for what it tells ("arrived" -> "arrival"). */
export const verbNouns: Record<string, string> = {
	arrived: 'arrival',
	met: 'meeting',
	visited: 'visit',
	traveled: 'trip',
	travelled: 'trip',
	flew: 'trip',
	said: 'statement',
	announced: 'announcement',
	signed: 'signing',
	launched: 'launch',
	landed: 'landing',
	died: 'death',
	resigned: 'resignation',
	attacked: 'attack',
	invaded: 'invasion',
	discovered: 'discovery',
	founded: 'founding',
	published: 'publication',
	opened: 'opening',
	began: 'start',
	started: 'start',
	ended: 'end',
	elected: 'election',
	won: 'victory',
	reached: 'record',
	crossed: 'crossing',
	sailed: 'voyage',
	captured: 'capture',
	surrendered: 'surrender',
	collapsed: 'collapse',
	erupted: 'eruption',
	observed: 'observation',
	measured: 'measurement',
	proposed: 'proposal',
	accused: 'accusation',
	hosts: 'hosting',
	hosted: 'hosting',
	returned: 'return',
	shared: 'sharing',
	showed: 'demonstration',
	touched: 'touchdown',
	joined: 'joining',
	fled: 'flight',
	marched: 'march',
	gathered: 'gathering',
	killed: 'killing',
	built: 'building',
	completed: 'completion',
	created: 'creation',
	introduced: 'introduction',
	passed: 'passage',
	approved: 'approval',
	released: 'release',
	received: 'receipt',
	awarded: 'award',
	produced: 'production',
	identified: 'identification'
};

/** Units of time, singular, for durations ("three-day", "four and a half hours"). */
export const timeUnits = words(
	`second, minute, hour, day, week, month, year, decade, century, millennium, night`
);

/** Words that end a name-and-title run when seen in capitals at a sentence's start. */
export const sentenceOpeners = words(`
the, a, an, in, on, at, as, during, ahead, and, but, while, when, after, before, since, for,
with, by, of, to, from, if, though, although, because, this, that, these, those, it, its,
he, she, they, we, i, you, his, her, their, our, there, here, what, who, which, yet, so, or,
nor, not, no, some, many, most, all, both, each, every, such, then, now, also, however,
earlier, later, last, next, meanwhile, still, even, only, just, instead, despite, among,
under, over, about, against, between, through, into, upon, once, where, how, why, nobody,
everyone, someone, anyone, everybody, somebody, one, another, other, others
`);
