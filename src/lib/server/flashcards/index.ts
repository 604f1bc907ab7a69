// Flashcards in the database: cards kept in step with the facts and sets, each learner's queue
// (learning cards, then reviews due today, then new cards, within the daily limits), grading in
// one transaction, undo, bury, suspend, leeches, settings, and the quiz answers that count as
// reviews. The hot paths (the next card, recording a grade) use prepared statements.
export { cardExists, cardFaces, syncFactCards, syncSetCards } from './cards';
export {
	isInDeck,
	listDecks,
	missedCardIds,
	resolveDeck,
	type Deck,
	type DeckFilter
} from './decks';
export {
	buryCard,
	flaggedCards,
	resetCard,
	suspendCard,
	unsuspendCard,
	type FlaggedCard
} from './flags';
export {
	gradeCard,
	lastGrade,
	recordQuizReview,
	undoLastGrade,
	type GradeResult,
	type LastGrade,
	type UndoResult
} from './grading';
export { cardStateOf, memoryOf, type Tx } from './memory';
export {
	doneToday,
	isStudyable,
	nextCard,
	queueCounts,
	whyEmpty,
	type NextCard,
	type Queue,
	type QueueCounts,
	type QueueState
} from './queue';
export { getSettings, hasOwnTimeZone, saveSettings } from './settings';
