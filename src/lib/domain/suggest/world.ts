// General knowledge the suggestion pipeline needs to read any news text: countries with their
// adjectives, capitals (for "Beijing said" meaning China) and other names. Not about any one
// article: a text naming none of these still gets its entities from the tagger and context.

interface CountryRow {
	name: string;
	demonyms: string[];
	capital?: string;
	aliases: string[];
}

// name|demonyms (comma-separated)|capital|aliases (comma-separated)
const rows = `Afghanistan|Afghan|Kabul|
Albania|Albanian|Tirana|
Algeria|Algerian|Algiers|
Argentina|Argentine,Argentinian|Buenos Aires|
Armenia|Armenian|Yerevan|
Australia|Australian|Canberra|
Austria|Austrian|Vienna|
Azerbaijan|Azerbaijani|Baku|
Bangladesh|Bangladeshi|Dhaka|
Belarus|Belarusian|Minsk|
Belgium|Belgian|Brussels|
Bolivia|Bolivian|La Paz|
Bosnia and Herzegovina|Bosnian|Sarajevo|Bosnia
Brazil|Brazilian|Brasília|Brasilia
Bulgaria|Bulgarian|Sofia|
Cambodia|Cambodian|Phnom Penh|
Canada|Canadian|Ottawa|
Chile|Chilean|Santiago|
China|Chinese|Beijing|People's Republic of China,PRC
Colombia|Colombian|Bogotá|
Croatia|Croatian|Zagreb|
Cuba|Cuban|Havana|
Cyprus|Cypriot|Nicosia|
Czech Republic|Czech|Prague|Czechia
Denmark|Danish|Copenhagen|
Egypt|Egyptian|Cairo|
Estonia|Estonian|Tallinn|
Ethiopia|Ethiopian|Addis Ababa|
Finland|Finnish|Helsinki|
France|French|Paris|
Georgia|Georgian|Tbilisi|
Germany|German|Berlin|
Ghana|Ghanaian|Accra|
Greece|Greek|Athens|
Hungary|Hungarian|Budapest|
Iceland|Icelandic|Reykjavik|
India|Indian|New Delhi|
Indonesia|Indonesian|Jakarta|
Iran|Iranian|Tehran|
Iraq|Iraqi|Baghdad|
Ireland|Irish|Dublin|
Israel|Israeli|Jerusalem|
Italy|Italian|Rome|
Japan|Japanese|Tokyo|
Jordan|Jordanian|Amman|
Kazakhstan|Kazakh|Astana|
Kenya|Kenyan|Nairobi|
Kuwait|Kuwaiti|Kuwait City|
Latvia|Latvian|Riga|
Lebanon|Lebanese|Beirut|
Libya|Libyan|Tripoli|
Lithuania|Lithuanian|Vilnius|
Malaysia|Malaysian|Kuala Lumpur|
Mexico|Mexican|Mexico City|
Moldova|Moldovan|Chisinau|
Mongolia|Mongolian|Ulaanbaatar|
Morocco|Moroccan|Rabat|
Myanmar|Myanmar|Naypyidaw|Burma
Nepal|Nepali,Nepalese|Kathmandu|
Netherlands|Dutch|Amsterdam|the Netherlands,Holland
New Zealand|New Zealand|Wellington|
Nigeria|Nigerian|Abuja|
North Korea|North Korean|Pyongyang|DPRK
Norway|Norwegian|Oslo|
Pakistan|Pakistani|Islamabad|
Peru|Peruvian|Lima|
Philippines|Philippine,Filipino|Manila|the Philippines
Poland|Polish|Warsaw|
Portugal|Portuguese|Lisbon|
Qatar|Qatari|Doha|
Romania|Romanian|Bucharest|
Russia|Russian|Moscow|Russian Federation
Saudi Arabia|Saudi|Riyadh|
Serbia|Serbian|Belgrade|
Singapore|Singaporean||
Slovakia|Slovak|Bratislava|
Slovenia|Slovenian|Ljubljana|
South Africa|South African|Pretoria|
South Korea|South Korean|Seoul|Republic of Korea
Spain|Spanish|Madrid|
Sri Lanka|Sri Lankan|Colombo|
Sudan|Sudanese|Khartoum|
Sweden|Swedish|Stockholm|
Switzerland|Swiss|Bern|
Syria|Syrian|Damascus|
Taiwan|Taiwanese|Taipei|
Thailand|Thai|Bangkok|
Tunisia|Tunisian|Tunis|
Turkey|Turkish|Ankara|Türkiye
Ukraine|Ukrainian|Kyiv|
United Arab Emirates|Emirati|Abu Dhabi|UAE
United Kingdom|British|London|UK,U.K.,Britain,Great Britain
United States|American,U.S.,US|Washington|U.S.,US,USA,U.S.A.,America,United States of America
Uzbekistan|Uzbek|Tashkent|
Venezuela|Venezuelan|Caracas|
Vietnam|Vietnamese|Hanoi|
Yemen|Yemeni|Sanaa|
Zimbabwe|Zimbabwean|Harare|
England|English|London|
Scotland|Scottish|Edinburgh|
Wales|Welsh|Cardiff|
Soviet Union|Soviet|Moscow|USSR,U.S.S.R.
West Germany|West German|Bonn|
East Germany|East German|East Berlin|
European Union|EU||EU,E.U.`;

const countries: CountryRow[] = rows.split('\n').map((line) => {
	const [name = '', demonyms = '', capital = '', aliases = ''] = line.split('|');
	return {
		name,
		demonyms: demonyms.split(',').filter(Boolean),
		capital: capital || undefined,
		aliases: aliases.split(',').filter(Boolean)
	};
});

const byForm = new Map<string, CountryRow>();
const byDemonym = new Map<string, CountryRow>();
const byCapital = new Map<string, CountryRow>();
for (const c of countries) {
	for (const form of [c.name, ...c.aliases]) byForm.set(form.toLowerCase(), c);
	for (const d of c.demonyms) byDemonym.set(d.toLowerCase(), c);
	if (c.capital) byCapital.set(c.capital.toLowerCase(), c);
}

/** The country a name or other name stands for ("U.S." -> United States). */
export function countryNamed(form: string): { name: string; aliases: string[] } | undefined {
	const c = byForm.get(form.toLowerCase().replace(/^the /, ''));
	return c && { name: c.name, aliases: c.aliases };
}

/** The country of an adjective ("Chinese" -> China, "U.S." -> United States). */
export function countryOfDemonym(word: string): string | undefined {
	return byDemonym.get(word.toLowerCase())?.name;
}

/** The country whose capital this is ("Beijing" -> China). */
export function countryOfCapital(city: string): string | undefined {
	return byCapital.get(city.toLowerCase())?.name;
}

/** Adjectives for groups of countries, beside the countries' own ("Western powers"). */
export const blocAdjectives = new Set([
	'western',
	'eastern',
	'european',
	'arab',
	'african',
	'asian',
	'nordic',
	'baltic',
	'gulf',
	'allied',
	'latin american'
]);

/** Whether a word is a country's or a bloc's adjective ("Russian", "Western"). */
export function isDemonym(word: string): boolean {
	const w = word.toLowerCase();
	return byDemonym.has(w) || blocAdjectives.has(w);
}
