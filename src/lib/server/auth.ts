// Sessions in the Lucia pattern: a random token in an HttpOnly cookie, its SHA-256 as the
// session id in the database, 30-day expiry extended on use. No hand-written cryptography:
// @oslojs for hashing and encoding, @node-rs/argon2 for passwords.
import { hash, verify } from '@node-rs/argon2';
import { generateRandomString, type RandomReader } from '@oslojs/crypto/random';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Conn, Db } from './db';
import { session, user, type UserRole } from './db/schema';

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;
/** A session used with less than this left is extended to the full lifetime. */
const RENEW_WITHIN = 15 * DAY;
/** "Last seen" is written at most this often: a request is not a write. */
export const LAST_SEEN_EVERY = 60_000;

export const SESSION_COOKIE = 'factdeck_session';

/** OWASP's argon2id settings: 19 MiB, 2 iterations, 1 lane. */
const passwordOptions = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
	return hash(password, passwordOptions);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

export function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdOf(token: string): string {
	return sha256Hex(token);
}

export function sha256Hex(text: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(text)));
}

const cryptoRandom: RandomReader = { read: (bytes) => crypto.getRandomValues(bytes) };

/** A random code a person can type, each character drawn evenly from the alphabet. */
export function randomCode(alphabet: string, length: number): string {
	return generateRandomString(cryptoRandom, alphabet, length);
}

export interface SessionUser {
	id: string;
	username: string | null;
	role: UserRole;
	isGuest: boolean;
}

export interface ValidSession {
	id: string;
	userId: string;
	expiresAt: Date;
}

/** `device` is a summary of the browser it starts in ("Firefox on Windows"), for the sessions list. */
export function createSession(
	db: Db,
	token: string,
	userId: string,
	now = new Date(),
	device = ''
): ValidSession {
	const row = {
		id: sessionIdOf(token),
		userId,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME)
	};
	db.insert(session)
		.values({ ...row, device, lastSeenAt: now, createdAt: now })
		.run();
	return row;
}

// Every request validates its session: the statement is prepared once per connection.
const findSessionStatements = new WeakMap<Db, ReturnType<typeof prepareFindSession>>();

function prepareFindSession(db: Db) {
	return db
		.select({
			session: {
				id: session.id,
				userId: session.userId,
				expiresAt: session.expiresAt,
				lastSeenAt: session.lastSeenAt
			},
			user: { id: user.id, username: user.username, role: user.role, isGuest: user.isGuest },
			disabledAt: user.disabledAt
		})
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.where(eq(session.id, sql.placeholder('id')))
		.prepare();
}

function findSession(db: Db, id: string) {
	let statement = findSessionStatements.get(db);
	if (!statement) {
		statement = prepareFindSession(db);
		findSessionStatements.set(db, statement);
	}
	return statement.get({ id });
}

export function validateSessionToken(
	db: Db,
	token: string,
	now = new Date()
): { session: ValidSession; user: SessionUser } | null {
	const id = sessionIdOf(token);
	const row = findSession(db, id);
	if (!row) return null;
	// A disabled account's sessions were ended when it was disabled; this is the second line.
	if (now.getTime() >= row.session.expiresAt.getTime() || row.disabledAt) {
		db.delete(session).where(eq(session.id, id)).run();
		return null;
	}
	const { lastSeenAt, ...valid } = row.session;
	const change: { expiresAt?: Date; lastSeenAt?: Date } = {};
	if (valid.expiresAt.getTime() - now.getTime() < RENEW_WITHIN) {
		valid.expiresAt = change.expiresAt = new Date(now.getTime() + SESSION_LIFETIME);
	}
	if (!lastSeenAt || now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_EVERY)
		change.lastSeenAt = now;
	if (change.expiresAt || change.lastSeenAt) {
		db.update(session).set(change).where(eq(session.id, id)).run();
	}
	return { session: valid, user: row.user };
}

export function invalidateSession(db: Db, sessionId: string): void {
	db.delete(session).where(eq(session.id, sessionId)).run();
}

/** Ends every session of a user, or every one but `keep` (the one making the change). */
export function invalidateUserSessions(db: Conn, userId: string, keep?: string): number {
	return db
		.delete(session)
		.where(and(eq(session.userId, userId), keep ? ne(session.id, keep) : undefined))
		.run().changes;
}

export interface CookieOptions {
	path: string;
	httpOnly: boolean;
	sameSite: 'lax';
	secure: boolean;
	expires: Date;
}

/** Secure whenever the app is reached over https (directly or as ORIGIN says). */
export function sessionCookieOptions(url: URL, expires: Date): CookieOptions {
	return { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', expires };
}
