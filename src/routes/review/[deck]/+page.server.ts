import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { parseDeckId } from '$lib/domain/decks';
import {
	answerTime,
	formatInterval,
	isRating,
	previewGrades,
	ratingNames
} from '$lib/domain/scheduling';
import { getDb } from '$lib/server/app-db';
import {
	buryCard,
	cardFaces,
	cardStateOf,
	gradeCard,
	isInDeck,
	isStudyable,
	lastGrade,
	nextCard,
	queueCounts,
	resolveDeck,
	suspendCard,
	undoLastGrade,
	whyEmpty
} from '$lib/server/flashcards';
import { field, readFormChecked } from '$lib/server/forms';
import { settingsFor } from '$lib/server/learner-settings';
import { requireLearner } from '$lib/server/session-cookie';
import { canSeeSource } from '$lib/server/sources';
import type { Actions, PageServerLoad } from './$types';

type Event = Pick<RequestEvent, 'locals' | 'params'>;

/** The deck, if this visitor may study it: another learner's missed deck is a 404. */
function deckFor(event: Event) {
	const ref = parseDeckId((event.params as { deck: string }).deck);
	const db = getDb();
	const deck = ref ? resolveDeck(db, event.locals.user?.id ?? null, ref) : undefined;
	if (!deck) error(404, 'No deck of yours has that id.');
	return { db, deck };
}

const deckUrl = (id: string) => `/review/${id}`;

export const load: PageServerLoad = (event) => {
	const { db, deck } = deckFor(event);
	const me = event.locals.user;
	const summary = { id: deck.id, title: deck.title, description: deck.description };
	if (!me) return { deck: summary, started: false as const };

	const now = new Date();
	const settings = settingsFor(event, me.id);
	const queue = queueCounts(db, me.id, deck, now, settings);
	const params = event.url.searchParams;
	const requested = params.get('card');
	const requestedQueue = requested
		? isStudyable(db, me.id, deck, requested, now, settings)
		: undefined;
	const next =
		requested && requestedQueue
			? { cardId: requested, queue: requestedQueue }
			: nextCard(db, me.id, deck, now, settings);
	const last = lastGrade(db, me.id, now, settings);
	const lastFaces = last ? cardFaces(db, last.cardId) : undefined;
	const common = {
		deck: summary,
		started: true as const,
		counts: queue.counts,
		last: last
			? {
					logId: last.logId,
					rating: ratingNames[last.rating],
					prompt: lastFaces?.front.prompt ?? '',
					interval: formatInterval(last.due.getTime() - now.getTime()).long,
					madeLeech: last.madeLeech,
					undoable: last.undoable && isInDeck(db, deck, last.cardId)
				}
			: null,
		undone: params.get('undone') === '1'
	};
	const faces = next ? cardFaces(db, next.cardId) : undefined;
	if (!next || !faces) {
		return {
			...common,
			current: null,
			done: {
				...whyEmpty(db, me.id, deck, now, queue),
				newPerDay: settings.newPerDay,
				reviewsPerDay: settings.reviewsPerDay
			}
		};
	}
	// The back is only sent once the learner asks for it, for the card they asked about.
	const revealed = params.get('reveal') === '1' && requested === next.cardId;
	const shown = Number(params.get('shown'));
	const shownAt = revealed && Number.isFinite(shown) && shown > 0 ? shown : now.getTime();
	const state = cardStateOf(db, me.id, next.cardId);
	const memory = state && {
		state: state.state,
		due: state.due,
		stability: state.stability,
		difficulty: state.difficulty,
		elapsedDays: state.elapsedDays,
		scheduledDays: state.scheduledDays,
		learningSteps: state.learningSteps,
		reps: state.reps,
		lapses: state.lapses,
		lastReview: state.lastReview
	};
	return {
		...common,
		done: null,
		current: {
			id: next.cardId,
			queue: next.queue,
			reps: state?.reps ?? 0,
			shownAt,
			front: faces.front,
			// The evidence's source is linked only for a learner who may read it.
			back: revealed
				? {
						...faces.back,
						...(faces.back.sourceId && !canSeeSource(db, faces.back.sourceId, me)
							? { sourceId: undefined }
							: {})
					}
				: null,
			grades: revealed
				? previewGrades(memory, now, settings.desiredRetention).map((g) => ({
						rating: g.rating,
						name: g.name,
						short: g.interval.short,
						long: g.interval.long
					}))
				: null
		}
	};
};

export const actions: Actions = {
	start: (event) => {
		const { deck } = deckFor(event);
		requireLearner(event);
		redirect(303, deckUrl(deck.id));
	},
	grade: async (event) => {
		const { db, deck } = deckFor(event);
		const read = await readFormChecked(event.request);
		if (!read.ok) return fail(read.status, { message: read.message });
		const cardId = field(read.data, 'card');
		const rating = Number(field(read.data, 'rating'));
		const reps = Number(field(read.data, 'reps'));
		if (!isRating(rating)) {
			return fail(400, { message: 'Choose how well you remembered: Again, Hard, Good or Easy.' });
		}
		if (!Number.isInteger(reps) || reps < 0) {
			return fail(400, { message: 'The form does not say which review of the card this is.' });
		}
		if (!isInDeck(db, deck, cardId)) {
			return fail(400, { message: 'That card is not in this deck.' });
		}
		const me = requireLearner(event);
		const now = new Date();
		const result = gradeCard(
			db,
			me.id,
			cardId,
			rating,
			now,
			answerTime(Number(field(read.data, 'shown')), now),
			{ expectedReps: reps }
		);
		// A second submission of the same grade changes nothing and moves on.
		if (!result.ok && result.reason === 'suspended') {
			return fail(409, { message: result.message });
		}
		redirect(303, deckUrl(deck.id));
	},
	undo: (event) => {
		const { db, deck } = deckFor(event);
		const me = event.locals.user;
		if (!me) return fail(400, { message: 'There is no grade from today to undo.' });
		const now = new Date();
		const day = settingsFor(event, me.id);
		const last = lastGrade(db, me.id, now, day);
		if (last && !isInDeck(db, deck, last.cardId)) {
			return fail(409, { message: 'Your last grade was in another deck: undo it there.' });
		}
		const result = undoLastGrade(db, me.id, now, day);
		if (!result.ok) return fail(409, { message: result.message });
		redirect(303, `${deckUrl(deck.id)}?card=${encodeURIComponent(result.cardId)}&undone=1`);
	},
	bury: async (event) => flag(event, 'bury'),
	suspend: async (event) => flag(event, 'suspend')
};

async function flag(event: RequestEvent, action: 'bury' | 'suspend') {
	const { db, deck } = deckFor(event);
	const read = await readFormChecked(event.request);
	if (!read.ok) return fail(read.status, { message: read.message });
	const cardId = field(read.data, 'card');
	if (!isInDeck(db, deck, cardId)) return fail(400, { message: 'That card is not in this deck.' });
	const me = requireLearner(event);
	if (action === 'bury') buryCard(db, me.id, cardId, new Date(), settingsFor(event, me.id));
	else suspendCard(db, me.id, cardId, new Date());
	redirect(303, deckUrl(deck.id));
}
