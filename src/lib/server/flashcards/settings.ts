// Each learner's scheduling settings: desired retention and the daily limits.
import { eq } from 'drizzle-orm';
import { defaultSettings, type LearnerSettings } from '../../domain/scheduling';
import type { Db } from '../db';
import { learnerSettings } from '../db/schema';
import type { Tx } from './memory';
import { settingsColumns, statements } from './statements';

/** A learner's settings, or the defaults (a prepared statement: every grade reads them). */
export function getSettings(db: Db, userId: string): LearnerSettings {
	return statements(db).settings.get({ userId }) ?? { ...defaultSettings };
}

/** The same, inside a caller's transaction. */
export function settingsIn(tx: Tx, userId: string): LearnerSettings {
	const row = tx
		.select(settingsColumns)
		.from(learnerSettings)
		.where(eq(learnerSettings.userId, userId))
		.get();
	return row ?? { ...defaultSettings };
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
