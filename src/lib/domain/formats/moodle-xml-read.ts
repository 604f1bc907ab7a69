// Reading Moodle XML safely: fast-xml-parser behind one door, with entity processing off and
// any DOCTYPE refused before parsing (so no entity is ever expanded: no billion laughs, no
// external entities), and the parsed tree's texts read back as Moodle writes them.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { characterReference } from './html-text';

/** A parsed element: its children by name, attributes as "@_name", text as "#text". */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

export type XmlRead = { ok: true; quiz: XmlNode } | { ok: false; line?: number; message: string };

/** Elements Moodle may repeat; always read as lists, even when there is one. */
const repeated = new Set(['question', 'answer', 'subquestion', 'unit', 'file', 'hint', 'tag']);

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	// Entities are decoded here, by decodeXml, and only the five of XML and numeric ones.
	processEntities: false,
	htmlEntities: false,
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	cdataPropName: '__cdata',
	ignoreDeclaration: true,
	ignorePiTags: true,
	isArray: (name) => repeated.has(name)
});

function lineAt(text: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

/** Parses a Moodle XML file into its <quiz> element, or says why it cannot be read, where. */
export function readMoodleXml(text: string): XmlRead {
	const source = text.replace(/^\uFEFF/, '');
	// Moodle never writes a DOCTYPE; one is how entity bombs and external entities come in.
	const doctype = /<!DOCTYPE|<!ENTITY/i.exec(source);
	if (doctype) {
		return {
			ok: false,
			line: lineAt(source, doctype.index),
			message:
				'This file declares a DOCTYPE or entities, which Moodle XML never has; it was not read (entities are never expanded).'
		};
	}
	const valid = XMLValidator.validate(source);
	if (valid !== true) {
		return { ok: false, line: valid.err.line, message: `not well-formed XML: ${valid.err.msg}` };
	}
	const root = parser.parse(source) as XmlNode;
	const quiz = root.quiz;
	if (quiz === undefined) {
		return { ok: false, line: 1, message: 'not Moodle XML: the file has no <quiz> element' };
	}
	return { ok: true, quiz: typeof quiz === 'object' && !Array.isArray(quiz) ? quiz : {} };
}

const xmlEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's five named entities and character references, decoded once (never recursively). */
export function decodeXml(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
		name[0] === '#' ? (characterReference(name) ?? whole) : (xmlEntities[name] ?? whole)
	);
}

/** An element's text: its own text decoded, and CDATA sections as they are. */
export function textOfNode(value: XmlValue | undefined): string {
	if (value === undefined) return '';
	if (typeof value === 'string') return decodeXml(value);
	if (Array.isArray(value)) return value.map(textOfNode).join('');
	const own = value['#text'];
	const cdata = value.__cdata;
	return `${own === undefined ? '' : textOfNode(own)}${cdata === undefined ? '' : rawText(cdata)}`;
}

function rawText(value: XmlValue): string {
	if (typeof value === 'string') return value;
	if (Array.isArray(value)) return value.map(rawText).join('');
	return '';
}

/** The first child element of that name (a repeated element's first). */
export function child(node: XmlValue | undefined, name: string): XmlNode | undefined {
	if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
	const value = node[name];
	const first = Array.isArray(value) ? value[0] : value;
	if (first === undefined) return undefined;
	// An element holding only text is parsed as a string: give it the object shape.
	return typeof first === 'string' ? { '#text': first } : (first as XmlNode);
}

/** Every child element of that name. */
export function children(node: XmlValue | undefined, name: string): XmlNode[] {
	if (!node || typeof node !== 'object' || Array.isArray(node)) return [];
	const value = node[name];
	const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
	return list.map((v) => (typeof v === 'string' ? { '#text': v } : (v as XmlNode)));
}

/** An attribute's value, or undefined. */
export function attribute(node: XmlNode | undefined, name: string): string | undefined {
	const value = node?.[`@_${name}`];
	return typeof value === 'string' ? decodeXml(value) : undefined;
}

/** The text of <name><text>…</text></name>, or of <name>…</name> when it holds no <text>. */
export function textIn(node: XmlNode | undefined, name: string): string {
	const element = child(node, name);
	if (!element) return '';
	const text = child(element, 'text');
	return text ? textOfNode(text) : textOfNode(element);
}
