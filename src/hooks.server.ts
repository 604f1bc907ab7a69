import { building } from '$app/environment';
import type { HandleServerError, ServerInit } from '@sveltejs/kit';
import { startDatabase } from '$lib/server/app-db';

export const init: ServerInit = () => {
	if (!building) startDatabase();
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message };
	const id = crypto.randomUUID();
	console.error(`[error ${id}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: 'Something went wrong on our side.', id };
};
