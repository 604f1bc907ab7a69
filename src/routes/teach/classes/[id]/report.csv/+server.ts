// The class report as CSV, one table per download (learners, questions or facts), each with a
// header row; for the class's own teacher only.
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/app-db';
import { classReport, reportCsv, reportTables, type ReportTable } from '$lib/server/class-report';
import { requireTeacher } from '$lib/server/session-cookie';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const me = requireTeacher(event);
	const table = event.url.searchParams.get('table') ?? 'learners';
	if (!(reportTables as readonly string[]).includes(table)) {
		error(400, 'Choose the table: learners, questions or facts.');
	}
	const report = classReport(getDb(), me.id, event.params.id);
	if (!report) error(404, 'No class of yours has that id.');
	const stem = report.name
		.normalize('NFKD')
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.toLowerCase()
		.slice(0, 60);
	return new Response(reportCsv(report, table as ReportTable), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${stem || 'class'}-${table}.csv"`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
