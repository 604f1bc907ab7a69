// Each learner's scheduling settings: desired retention, the daily limits, and their day (its
// time zone and the hour it starts at).
import { eq } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE } from '../../domain/learner-day';
import { defaultSettings, type LearnerSettings } from '../../domain/scheduling';
import type { Db } from '../db';
import { learnerSettings } from '../db/schema';
import type { Tx } from './memory';
import { settingsColumns, statements } from './statements';

type StoredSettings = Omit<LearnerSettings, 'timeZone'> & { timeZone: string | null };

/** A stored zone wins; without one, the zone the browser reports, else UTC. */
function resolve(row: StoredSettings | undefined, browserZone: string | undefined) {
	const fallback = browserZone ?? DEFAULT_TIME_ZONE;
	return row
		? { ...row, timeZone: row.timeZone ?? fallback }
		: { ...defaultSettings, timeZone: fallback };
}

/**
 * A learner's settings, or the defaults (a prepared statement: every grade reads them).
 * `browserZone` is the zone of the browser asking, already validated: it is the learner's zone
 * until they store one (guests, and accounts made before zones were asked for).
 */
export function getSettings(db: Db, userId: string, browserZone?: string): LearnerSettings {
	return resolve(statements(db).settings.get({ userId }), browserZone);
}

/** Whether the learner has stored a time zone of their own. */
export function hasOwnTimeZone(db: Db, userId: string): boolean {
	return !!statements(db).settings.get({ userId })?.timeZone;
}

/** The same, inside a caller's transaction. */
export function settingsIn(tx: Tx, userId: string): LearnerSettings {
	const row = tx
		.select(settingsColumns)
		.from(learnerSettings)
		.where(eq(learnerSettings.userId, userId))
		.get();
	return resolve(row, undefined);
}

export function saveSettings(
	db: Db,
	userId: string,
	settings: LearnerSettings,
	now = new Date()
): void {
	const row = { ...settings, updatedAt: now };
	db.insert(learnerSettings)
		.values({ userId, ...row })
		.onConflictDoUpdate({ target: learnerSettings.userId, set: row })
		.run();
}
