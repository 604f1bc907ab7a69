// Formatting shared by pages: dates at the precision the fact base knows them.

const months = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** "21 March 2023", "March 2023" or "2023", from YYYY-MM-DD, YYYY-MM or YYYY. */
export function formatDate(date: string, precision: string | null): string {
	const [year, month, day] = date.split('-');
	const monthName = month ? months[Number(month) - 1] : undefined;
	if (precision === 'year' || !monthName) return year ?? date;
	if (precision === 'month' || !day) return `${monthName} ${year}`;
	return `${Number(day)} ${monthName} ${year}`;
}
