// The import result page: asks for the batch's progress every second until every file is done,
// and moves the progress bar and the result list without reloading the page.
(() => {
    const box = document.querySelector('[data-kratom-import-progress]');
    if (!box || box.hasAttribute('data-finished')) return;
    const bar = box.querySelector('progress');
    const status = box.querySelector('[data-kratom-import-status]');
    const results = document.querySelector('[data-kratom-import-results]');
    const poll = async () => {
        const response = await fetch(box.dataset.kratomImportProgress, { headers: { Accept: 'application/json' } });
        if (response.ok) {
            const data = await response.json();
            bar.max = data.total;
            bar.value = data.done;
            bar.textContent = `${data.done} / ${data.total}`;
            status.textContent = data.finished ? `All ${data.total} done.` : `${data.done} of ${data.total} done.`;
            results.innerHTML = data.html;
            if (data.finished) {
                box.setAttribute('data-finished', '');
                return;
            }
        }
        window.setTimeout(poll, 1000);
    };
    window.setTimeout(poll, 1000);
})();
