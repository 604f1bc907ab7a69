// The authorisation walk's table: every route of the app, the path to request for teacher A's
// fixture, who must be refused a GET, and each action with who must be refused and a form to
// send. authorisation.spec.ts walks it; a route or action missing here fails that test.

/** teacher: teacher A, who owns the fixture. */
export type Actor = 'anonymous' | 'guest' | 'learner' | 'teacher' | 'otherTeacher' | 'admin';

export interface Fixture {
	/** Teacher A's class, which nobody else may see or change. */
	classId: string;
	learnerId: string;
	/** Teacher A's own quiz attempt, which nobody else may see or answer. */
	attemptId: string;
	/** Teacher A's draft question set, and the id of its one question. */
	setId: string;
	questionId: string;
	/** Teacher A's own source, one of its facts, and one of its pending suggestions. */
	sourceId: string;
	factId: string;
	suggestionId: string;
	/** Teacher A's live session, in its lobby, with nobody in it. */
	liveSessionId: string;
}

export interface Rule {
	/** A path to request, built from teacher A's fixture. */
	path: (f: Fixture) => string;
	/** Who must be refused a GET (pages and endpoints). */
	refuseGet: Actor[];
	/** Each action, with who must be refused and a form to send. */
	actions: Record<string, { refuse: Actor[]; form?: (f: Fixture) => Record<string, string> }>;
	/** Who fuzzes the actions with random forms: someone who passes every access check. */
	fuzzAs?: Actor;
}

// An admin is a teacher too (access.ts), but another teacher's class or set is not theirs.
export const everyoneButOwner: Actor[] = ['anonymous', 'guest', 'learner', 'otherTeacher', 'admin'];
const notTeachers: Actor[] = ['anonymous', 'guest', 'learner'];
const notAccounts: Actor[] = ['anonymous', 'guest'];
const notAdmins: Actor[] = ['anonymous', 'guest', 'learner', 'teacher', 'otherTeacher'];

/** A source file and a fact as an intruder would send them. */
const injectedFile = JSON.stringify({
	version: 1,
	source: { id: 'injected', title: 'Injected', publishedOn: '2024-01-01', body: 'Injected text.' },
	entities: [],
	facts: []
});
const injectedFact = {
	quote: 'Private source',
	predicate: 'is_a',
	subject: '+new',
	subjectName: 'Injected',
	subjectKind: 'thing',
	valueText: 'injected',
	statement: 'Injected.',
	intent: 'save'
};

/** Every route of the app: adding a route without a line here fails the first test. */
export const rules: Record<string, Rule> = {
	'/': { path: () => '/', refuseGet: [], actions: {} },
	'/healthz': { path: () => '/healthz', refuseGet: [], actions: {} },
	'/sources/[id]': { path: () => '/sources/xi-moscow-2023-03-21', refuseGet: [], actions: {} },
	'/signin': { path: () => '/signin', refuseGet: [], actions: { default: { refuse: [] } } },
	'/signin/reset': {
		path: () => '/signin/reset',
		refuseGet: [],
		actions: { default: { refuse: [] } }
	},
	'/signup': { path: () => '/signup', refuseGet: [], actions: { default: { refuse: [] } } },
	'/signout': { path: () => '/signout', refuseGet: [], actions: { default: { refuse: [] } } },
	'/progress': { path: () => '/progress', refuseGet: [], actions: {} },
	'/review': { path: () => '/review', refuseGet: [], actions: {} },
	// The owner's missed deck: nobody else may see it or grade, undo, bury or suspend in it.
	'/review/[deck]': {
		path: (f) => `/review/missed:${f.attemptId}`,
		refuseGet: everyoneButOwner,
		actions: {
			start: { refuse: everyoneButOwner },
			grade: {
				refuse: everyoneButOwner,
				form: () => ({ card: 'fact:putin-role:forward', rating: '3', reps: '0' })
			},
			undo: { refuse: everyoneButOwner },
			bury: { refuse: everyoneButOwner, form: () => ({ card: 'fact:putin-role:forward' }) },
			suspend: { refuse: everyoneButOwner, form: () => ({ card: 'fact:putin-role:forward' }) }
		}
	},
	// The owner's missed deck as an Anki package: nobody else may download it.
	'/review/[deck]/anki': {
		path: (f) => `/review/missed:${f.attemptId}/anki?history=1`,
		refuseGet: everyoneButOwner,
		actions: {}
	},
	'/review/stats': { path: () => '/review/stats', refuseGet: [], actions: {} },
	// Card states are each learner's own: nobody has the owner's suspended cards to change.
	'/review/leeches': {
		path: () => '/review/leeches',
		refuseGet: [],
		actions: {
			unsuspend: { refuse: everyoneButOwner, form: () => ({ card: 'fact:putin-role:forward' }) },
			reset: { refuse: everyoneButOwner, form: () => ({ card: 'fact:putin-role:forward' }) }
		}
	},
	'/review/settings': {
		path: () => '/review/settings',
		refuseGet: [],
		actions: { default: { refuse: [] } }
	},
	'/sets/[id]': {
		path: () => '/sets/xi-moscow-2023-03-21-quiz',
		refuseGet: [],
		actions: { start: { refuse: [] } }
	},
	'/attempts/[id]': {
		path: (f) => `/attempts/${f.attemptId}`,
		refuseGet: everyoneButOwner,
		actions: {
			answer: { refuse: everyoneButOwner, form: () => ({ position: '0', text: 'x', choice: 'x' }) },
			mark: { refuse: everyoneButOwner, form: () => ({ position: '0', mark: 'right' }) },
			finish: { refuse: everyoneButOwner }
		}
	},
	'/attempts/[id]/result': {
		path: (f) => `/attempts/${f.attemptId}/result`,
		refuseGet: everyoneButOwner,
		actions: {}
	},
	// Anyone may try a PIN (a guest is made on joining); the seat decides the rest.
	'/live': { path: () => '/live', refuseGet: [], actions: { join: { refuse: [] } } },
	// Only the session's players: nobody here has joined it, its host included.
	'/live/[id]': {
		path: (f) => `/live/${f.liveSessionId}`,
		refuseGet: everyoneButOwner,
		actions: {
			answer: { refuse: everyoneButOwner, form: () => ({ position: '0', choice: 'x' }) }
		}
	},
	'/live/[id]/events': {
		path: (f) => `/live/${f.liveSessionId}/events`,
		refuseGet: everyoneButOwner,
		actions: {}
	},
	'/teach/live': { path: () => '/teach/live', refuseGet: notTeachers, actions: {} },
	'/teach/live/new': {
		path: () => '/teach/live/new',
		refuseGet: notTeachers,
		actions: {
			create: {
				refuse: notTeachers,
				form: () => ({ setId: 'xi-moscow-2023-03-21-quiz', count: '2', types: 'true_false' })
			}
		}
	},
	// Only its host controls a session: another teacher finds nothing.
	'/teach/live/[id]': {
		path: (f) => `/teach/live/${f.liveSessionId}`,
		refuseGet: everyoneButOwner,
		actions: {
			start: { refuse: everyoneButOwner },
			reveal: { refuse: everyoneButOwner },
			next: { refuse: everyoneButOwner },
			pause: { refuse: everyoneButOwner },
			resume: { refuse: everyoneButOwner },
			end: { refuse: everyoneButOwner },
			remove: { refuse: everyoneButOwner, form: () => ({ userId: 'x' }) }
		}
	},
	'/classes': {
		path: () => '/classes',
		refuseGet: notAccounts,
		actions: {
			join: { refuse: notAccounts, form: () => ({ code: 'ABCDEF' }) },
			leave: { refuse: notAccounts, form: (f) => ({ classId: f.classId }) }
		}
	},
	// Each person's own account: the pages are theirs, so refusing is for those without one.
	'/account': {
		path: () => '/account',
		refuseGet: notAccounts,
		actions: {
			username: { refuse: notAccounts, form: () => ({ username: 'intruder_name' }) },
			password: {
				refuse: notAccounts,
				form: () => ({ current: 'x', password: 'intruder-pw-1', confirm: 'intruder-pw-1' })
			},
			endSession: { refuse: notAccounts, form: () => ({ session: 'x' }) },
			endOthers: { refuse: notAccounts }
		}
	},
	'/account/export': { path: () => '/account/export', refuseGet: notAccounts, actions: {} },
	'/account/delete': {
		path: () => '/account/delete',
		refuseGet: notAccounts,
		actions: { default: { refuse: notAccounts, form: () => ({ password: 'x', confirm: 'yes' }) } }
	},
	'/admin': {
		path: () => '/admin',
		refuseGet: notAdmins,
		fuzzAs: 'admin',
		actions: {
			role: { refuse: notAdmins, form: (f) => ({ userId: f.learnerId, role: 'admin' }) },
			disable: { refuse: notAdmins, form: (f) => ({ userId: f.learnerId }) },
			enable: { refuse: notAdmins, form: (f) => ({ userId: f.learnerId }) },
			resetCode: { refuse: notAdmins, form: (f) => ({ userId: f.learnerId }) },
			signup: { refuse: notAdmins, form: () => ({ teacherSignup: 'nobody' }) },
			rotateInvite: { refuse: notAdmins }
		}
	},
	'/teach': { path: () => '/teach', refuseGet: notTeachers, actions: {} },
	'/teach/classes': {
		path: () => '/teach/classes',
		refuseGet: notTeachers,
		actions: { create: { refuse: notTeachers, form: () => ({ name: 'Intruders' }) } }
	},
	'/teach/classes/[id]': {
		path: (f) => `/teach/classes/${f.classId}`,
		refuseGet: everyoneButOwner,
		actions: {
			rename: { refuse: everyoneButOwner, form: () => ({ name: 'Renamed by someone else' }) },
			renewCode: { refuse: everyoneButOwner },
			remove: { refuse: everyoneButOwner, form: (f) => ({ userId: f.learnerId }) },
			assign: { refuse: everyoneButOwner, form: () => ({ setId: 'x', dueOn: '' }) },
			unassign: { refuse: everyoneButOwner, form: () => ({ setId: 'x' }) },
			delete: { refuse: everyoneButOwner }
		}
	},
	'/teach/classes/[id]/report': {
		path: (f) => `/teach/classes/${f.classId}/report`,
		refuseGet: everyoneButOwner,
		actions: {}
	},
	'/teach/classes/[id]/report.csv': {
		path: (f) => `/teach/classes/${f.classId}/report.csv?table=learners`,
		refuseGet: everyoneButOwner,
		actions: {}
	},
	'/teach/classes/[id]/learners/[userId]': {
		path: (f) => `/teach/classes/${f.classId}/learners/${f.learnerId}`,
		refuseGet: everyoneButOwner,
		// A reset code for the owner's learner: nobody else may issue one here (an admin has /admin).
		actions: { resetCode: { refuse: everyoneButOwner } }
	},
	'/teach/sets': { path: () => '/teach/sets', refuseGet: notTeachers, actions: {} },
	'/teach/sets/new': {
		path: () => '/teach/sets/new',
		refuseGet: notTeachers,
		actions: { create: { refuse: notTeachers, form: () => ({ title: 'Intruders' }) } }
	},
	'/teach/sets/[id]': {
		path: (f) => `/teach/sets/${f.setId}`,
		refuseGet: everyoneButOwner,
		actions: {
			details: {
				refuse: everyoneButOwner,
				form: () => ({ title: 'Renamed by someone else', description: '', tags: '' })
			},
			publish: { refuse: everyoneButOwner },
			unpublish: { refuse: everyoneButOwner },
			move: {
				refuse: everyoneButOwner,
				form: (f) => ({ questionId: f.questionId, direction: 'down' })
			},
			remove: { refuse: everyoneButOwner, form: (f) => ({ questionId: f.questionId }) },
			assign: { refuse: everyoneButOwner, form: (f) => ({ classId: f.classId, dueOn: '' }) },
			duplicate: { refuse: everyoneButOwner },
			delete: { refuse: everyoneButOwner }
		}
	},
	'/teach/sets/[id]/questions/new': {
		path: (f) => `/teach/sets/${f.setId}/questions/new`,
		refuseGet: everyoneButOwner,
		actions: {
			save: {
				refuse: everyoneButOwner,
				form: () => ({ type: 'true_false', prompt: 'Injected', truth: 'true', intent: 'save' })
			}
		}
	},
	'/teach/sets/[id]/questions/[qid]': {
		path: (f) => `/teach/sets/${f.setId}/questions/${encodeURIComponent(f.questionId)}`,
		refuseGet: everyoneButOwner,
		actions: {
			save: {
				refuse: everyoneButOwner,
				form: () => ({ type: 'true_false', prompt: 'Injected', truth: 'false', intent: 'save' })
			}
		}
	},
	'/teach/sets/[id]/preview': {
		path: (f) => `/teach/sets/${f.setId}/preview`,
		refuseGet: everyoneButOwner,
		actions: {}
	},
	'/teach/sets/[id]/generate': {
		path: (f) => `/teach/sets/${f.setId}/generate`,
		refuseGet: everyoneButOwner,
		actions: {
			keep: { refuse: everyoneButOwner, form: () => ({ item: '1:x' }) },
			keepAll: { refuse: everyoneButOwner }
		}
	},
	'/teach/sets/[id]/import': {
		path: (f) => `/teach/sets/${f.setId}/import`,
		refuseGet: everyoneButOwner,
		actions: {
			preview: { refuse: everyoneButOwner, form: () => ({ text: 'Injected?{T}', format: 'gift' }) },
			confirm: {
				refuse: everyoneButOwner,
				form: () => ({ text: 'Injected?{T}', format: 'gift', detected: 'gift', hash: 'x' })
			}
		}
	},
	'/teach/sources': { path: () => '/teach/sources', refuseGet: notTeachers, actions: {} },
	'/teach/sources/new': {
		path: () => '/teach/sources/new',
		refuseGet: notTeachers,
		actions: {
			create: {
				refuse: notTeachers,
				form: () => ({ title: 'Intruders', publishedOn: '2024-01-01', text: 'Injected text.' })
			}
		}
	},
	'/teach/sources/import': {
		path: () => '/teach/sources/import',
		refuseGet: notTeachers,
		actions: { import: { refuse: notTeachers, form: () => ({ text: injectedFile }) } }
	},
	'/teach/sources/[id]': {
		path: (f) => `/teach/sources/${f.sourceId}`,
		refuseGet: everyoneButOwner,
		actions: {
			accept: { refuse: everyoneButOwner, form: (f) => ({ suggestion: f.suggestionId }) },
			acceptKind: { refuse: everyoneButOwner, form: () => ({ kind: 'quote' }) },
			reject: { refuse: everyoneButOwner, form: (f) => ({ suggestion: f.suggestionId }) },
			removeFact: { refuse: everyoneButOwner, form: (f) => ({ fact: f.factId }) },
			newSet: { refuse: everyoneButOwner }
		}
	},
	'/teach/sources/[id]/version': {
		path: (f) => `/teach/sources/${f.sourceId}/version`,
		refuseGet: everyoneButOwner,
		actions: { save: { refuse: everyoneButOwner, form: () => ({ text: 'Injected version.' }) } }
	},
	// Editing the owner's pending suggestion: nobody else may see it or accept it edited.
	'/teach/sources/[id]/facts/new': {
		path: (f) => `/teach/sources/${f.sourceId}/facts/new?suggestion=${f.suggestionId}`,
		refuseGet: everyoneButOwner,
		actions: { save: { refuse: everyoneButOwner, form: () => injectedFact } }
	},
	'/teach/sources/[id]/facts/[factId]': {
		path: (f) => `/teach/sources/${f.sourceId}/facts/${f.factId}`,
		refuseGet: everyoneButOwner,
		actions: {
			save: { refuse: everyoneButOwner, form: () => injectedFact },
			remove: { refuse: everyoneButOwner }
		}
	},
	// A teacher's source is its owner's and the admins' to read (learners': once assigned).
	'/api/sources/[id]/export': {
		path: (f) => `/api/sources/${f.sourceId}/export`,
		refuseGet: ['anonymous', 'guest', 'learner', 'otherTeacher'],
		actions: {}
	},
	// A draft set's export is its owner's alone; a published one is anyone's (foundation tests).
	'/api/sets/[id]/export': {
		path: (f) => `/api/sets/${f.setId}/export?format=json`,
		refuseGet: everyoneButOwner,
		actions: {}
	}
};
