// Rechtenverkenner: the print button of the summary (without JavaScript the browser's own print works).
document.addEventListener('DOMContentLoaded', () => {
	const print = document.getElementById('print-summary');
	if (print) {
		print.hidden = false;
		print.addEventListener('click', () => window.print());
	}
});
