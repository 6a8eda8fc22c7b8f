'use strict';

const api = 'api';
const $ = (id) => document.getElementById(id);

function show(el, text) {
    el.textContent = text;
    el.hidden = !text;
}

async function call(method, path, body) {
    let response;
    try {
        response = await fetch(`${api}/${path}`, {
            method,
            headers: body ? { 'Content-Type': 'application/json' } : {},
            body: body ? JSON.stringify(body) : undefined,
        });
    } catch (e) {
        throw new Error('The server cannot be reached: ' + e.message);
    }
    const text = await response.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
    if (!response.ok) {
        throw new Error(explain(response.status, data));
    }
    return data;
}

/** The sentence for a failed call: what the kind of problem means, then the server's own words. */
function explain(status, data) {
    const kind = data && data.kind ? data.kind : 'error';
    const meaning = {
        'throttled': 'Lambda is throttling this function (too many concurrent calls). Try again shortly.',
        'unavailable': 'The Lambda endpoint is unavailable or timed out.',
        'not-found': 'No such function.',
        'invalid-request': 'The request was refused.',
        'access-denied': 'Lambda refused the server\'s credentials.',
        'conflict': 'Lambda refused the change: it conflicts with the function\'s state.',
        'changed': 'Someone changed it meanwhile: look again and retry.',
        'function-error': 'The function failed.',
        'lambda-error': 'Lambda answered with an error.',
        'server-error': 'The server failed to answer.',
    }[kind] || `The server answered ${status}.`;
    return meaning + (data && data.error ? ' ' + data.error : '');
}

async function loadFunctions() {
    show($('list-error'), '');
    const body = $('functions').querySelector('tbody');
    try {
        const functions = await call('GET', 'functions');
        body.replaceChildren(...functions.map(row));
        const select = $('function-name');
        const chosen = select.value;
        select.replaceChildren(...functions.map((f) => new Option(f.name, f.name)));
        if (functions.some((f) => f.name === chosen)) { select.value = chosen; }
        fill($('va-function'), functions.map((f) => f.name), 'greeting');
        show($('va-error'), '');
        await loadVersions();
    } catch (e) {
        show($('list-error'), e.message);
    }
}

function row(f) {
    const tr = document.createElement('tr');
    tr.dataset.name = f.name;
    for (const value of [f.name, f.runtime || '—', `${f.memorySizeMb} MB`, f.lastModified || '—']) {
        const td = document.createElement('td');
        td.textContent = value;
        tr.appendChild(td);
    }
    const td = document.createElement('td');
    const del = document.createElement('button');
    del.type = 'button';
    del.className = 'delete';
    del.textContent = 'Delete';
    del.addEventListener('click', () => deleteFunction(f.name));
    td.appendChild(del);
    tr.appendChild(td);
    return tr;
}

async function deleteFunction(name) {
    if (!window.confirm(`Delete function ${name}? This cannot be undone.`)) { return; }
    try {
        await call('DELETE', `functions/${encodeURIComponent(name)}`);
    } catch (e) {
        show($('list-error'), e.message);
    }
    await loadFunctions();
}

async function invoke(event) {
    event.preventDefault();
    show($('payload-error'), '');
    show($('invoke-error'), '');
    $('result').hidden = true;
    const payload = $('payload').value.trim();
    if (payload) {
        try { JSON.parse(payload); } catch (e) {
            show($('payload-error'), 'The payload is not valid JSON: ' + e.message);
            return;
        }
    }
    const name = $('function-name').value;
    $('invoke').disabled = true;
    try {
        const r = await call('POST', `functions/${encodeURIComponent(name)}/invocations`,
            { payload, type: $('invocation-type').value });
        $('status').textContent = `HTTP ${r.statusCode}`;
        $('status').className = r.functionError ? '' : 'ok';
        $('duration').textContent = `in ${r.durationMillis.toFixed(1)} ms`;
        $('version').textContent = r.executedVersion ? `(version ${r.executedVersion})` : '';
        show($('function-error'), r.functionError
            ? `Function error (${r.functionError.kind}): ${r.functionError.type}: ${r.functionError.message}` : '');
        $('result-payload').textContent = pretty(r.payload) || '(no payload)';
        $('log-details').hidden = !r.logTail;
        $('log-tail').textContent = r.logTail || '';
        $('result').hidden = false;
    } catch (e) {
        show($('invoke-error'), e.message);
    } finally {
        $('invoke').disabled = false;
    }
}

function pretty(text) {
    try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return text; }
}

// Versions and aliases of the function chosen in #va-function.
let aliases = [];
/** Whether the person picked the new alias's version; until then the page proposes the oldest published one. */
let aliasVersionChosen = false;

/** Fills a select with values, keeping its choice when it is still there, else choosing preferred if present. */
function fill(select, values, preferred) {
    const chosen = select.value;
    select.replaceChildren(...values.map((v) => new Option(v, v)));
    if (values.includes(chosen)) {
        select.value = chosen;
    } else if (values.includes(preferred)) {
        select.value = preferred;
    }
}

const percent = (share) => `${Math.round(share * 1000) / 10}%`;
const path = encodeURIComponent;

function routing(alias) {
    const others = Object.entries(alias.routing || {});
    if (others.length === 0) { return `→ version ${alias.functionVersion}`; }
    return `→ version ${alias.functionVersion}, `
        + others.map(([version, share]) => `${percent(share)} to version ${version}`).join(', ');
}

function cells(values) {
    const tr = document.createElement('tr');
    for (const value of values) {
        const td = document.createElement('td');
        td.textContent = value;
        tr.appendChild(td);
    }
    return tr;
}

/** Shows the chosen function's versions and aliases; leaves a problem shown by the action that called it. */
async function loadVersions() {
    const name = $('va-function').value;
    if (!name) { return; }
    try {
        const [versions, found] = await Promise.all([
            call('GET', `functions/${path(name)}/versions`), call('GET', `functions/${path(name)}/aliases`)]);
        aliases = found;
        $('versions').querySelector('tbody').replaceChildren(...versions.map((v) => {
            const tr = cells([v.version, v.description || '—', v.lastModified || '—']);
            tr.dataset.version = v.version;
            return tr;
        }));
        $('aliases').querySelector('tbody').replaceChildren(...aliases.map((a) => {
            const tr = cells([a.name, routing(a)]);
            tr.dataset.alias = a.name;
            return tr;
        }));
        const published = versions.map((v) => v.version).filter((v) => v !== '$LATEST');
        fill($('alias-version'), versions.map((v) => v.version), published[0]);
        if (!aliasVersionChosen && published.length) { $('alias-version').value = published[0]; }
        fill($('shift-version'), published);
        fill($('shift-alias'), aliases.map((a) => a.name));
        fill($('runs-alias'), aliases.map((a) => a.name));
    } catch (e) {
        show($('va-error'), e.message);
    }
}

/** Proposes the newest published version the chosen alias does not point to, with the share it now gets. */
function proposeShift() {
    const alias = aliases.find((a) => a.name === $('shift-alias').value);
    const versions = Array.from($('shift-version').options).map((o) => o.value);
    const target = alias && versions.filter((v) => v !== alias.functionVersion).pop();
    if (!target) { return; }
    $('shift-version').value = target;
    const share = (alias.routing || {})[target];
    if (share !== undefined) { setShare(Math.round(share * 100)); }
}

function setShare(value) {
    $('shift-percent').value = value;
    $('shift-slider').value = value;
}

async function publish() {
    show($('publish-note'), '');
    show($('va-error'), '');
    $('publish').disabled = true;
    try {
        const r = await call('POST', `functions/${path($('va-function').value)}/versions`, {});
        show($('publish-note'), r.created ? `Published version ${r.version.version}.`
            : `Nothing changed since version ${r.version.version}: Lambda published no new version.`);
    } catch (e) {
        show($('va-error'), e.message);
    } finally {
        $('publish').disabled = false;
    }
    await loadVersions();
}

async function createAlias(event) {
    event.preventDefault();
    show($('va-error'), '');
    const name = $('alias-name').value.trim();
    try {
        await call('POST', `functions/${path($('va-function').value)}/aliases`,
            { name, version: $('alias-version').value });
        await loadVersions();
        $('shift-alias').value = name;
        $('runs-alias').value = name;
        proposeShift();
    } catch (e) {
        show($('va-error'), e.message);
    }
}

async function shift(event) {
    event.preventDefault();
    show($('va-error'), '');
    const share = Number($('shift-percent').value);
    if (!Number.isInteger(share) || share < 0 || share > 100) {
        show($('va-error'), `The share must be a whole number from 0 to 100, not ${$('shift-percent').value}.`);
        return;
    }
    const name = $('shift-alias').value;
    const alias = aliases.find((a) => a.name === name);
    try {
        await call('PUT', `functions/${path($('va-function').value)}/aliases/${path(name)}/routing`,
            { version: $('shift-version').value, percent: share, revisionId: alias ? alias.revisionId : null });
    } catch (e) {
        show($('va-error'), e.message);
    }
    await loadVersions();
}

async function run(event) {
    event.preventDefault();
    show($('va-error'), '');
    const fn = $('va-function').value;
    const alias = $('runs-alias').value;
    $('run').disabled = true;
    try {
        const runs = await call('POST', `functions/${path(fn)}/aliases/${path(alias)}/runs`,
            { payload: examples[fn] || '{}', count: Number($('runs-count').value) });
        const total = runs.reduce((sum, r) => sum + r.runs, 0);
        $('runs').querySelector('tbody').replaceChildren(...runs.map((r) => {
            const tr = cells([r.version, r.runs, percent(r.runs / total), r.answer || '(no payload)']);
            tr.dataset.version = r.version;
            tr.dataset.runs = r.runs;
            return tr;
        }));
        $('runs').hidden = false;
        const configured = aliases.find((a) => a.name === alias);
        show($('runs-summary'), `${total} invocations of ${alias}`
            + (configured ? ` (${routing(configured)})` : '') + ': '
            + runs.map((r) => `version ${r.version} served ${r.runs}`).join(', ') + '.');
    } catch (e) {
        show($('va-error'), e.message);
    } finally {
        $('run').disabled = false;
    }
}

// The streamed report. fetch() with the response body's reader rather than Server-Sent Events: the request is a POST
// with a JSON body like the page's other calls, the function's lines arrive as plain text with no event framing, and
// nothing reconnects on its own (EventSource would, and so run the report again); Stop aborts the request, which the
// server sees as the client going away and answers by cancelling the function's stream.
let reportAbort = null;

async function streamReport(event) {
    event.preventDefault();
    show($('report-error'), '');
    const lines = $('report-lines');
    lines.replaceChildren();
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    const add = (text) => {
        const li = document.createElement('li');
        const at = document.createElement('span');
        at.className = 'at';
        at.textContent = `+${seconds()} s`;
        li.append(at, text);
        lines.appendChild(li);
    };
    reportAbort = new AbortController();
    $('report-start').disabled = true;
    $('report-stop').disabled = false;
    show($('report-status'), 'Waiting for the function…');
    try {
        let response;
        try {
            response = await fetch(`${api}/functions/monthly-report/streams`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ payload: JSON.stringify({ month: $('report-month').value.trim() }) }),
                signal: reportAbort.signal,
            });
        } catch (e) {
            if (e.name === 'AbortError') { throw e; }
            throw new Error('The server cannot be reached: ' + e.message);
        }
        if (!response.ok) {
            const text = await response.text();
            let data = null;
            try { data = JSON.parse(text); } catch (e) { data = null; }
            throw new Error(explain(response.status, data));
        }
        show($('report-status'), 'Streaming…');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let pending = '';
        for (;;) {
            const { value, done } = await reader.read();
            if (done) { break; }
            const parts = (pending + value).split('\n');
            pending = parts.pop();
            parts.forEach(add);
            show($('report-status'), `Streaming… ${lines.children.length} lines after ${seconds()} s`);
        }
        if (pending) { add(pending); }
        show($('report-status'), `The stream ended: ${lines.children.length} lines in ${seconds()} s.`);
    } catch (e) {
        if (e.name === 'AbortError') {
            show($('report-status'), `Stopped after ${lines.children.length} lines: the server closed the function's`
                + ' stream.');
        } else {
            show($('report-status'), '');
            show($('report-error'), lines.children.length
                ? `The report broke off after ${lines.children.length} lines: ${e.message}` : e.message);
        }
    } finally {
        reportAbort = null;
        $('report-start').disabled = false;
        $('report-stop').disabled = true;
    }
}

const examples = {
    'greeting': '{"name": "Ada"}',
    'order-pricing': '{"customer": "Ada", "couponCode": "SAVE10", "lines": [{"sku": "book", "quantity": 2, "unitPriceCents": 1500}]}',
    'payment-failure': '{"orderId": 42}',
    'slow-report': '{"seconds": 2}',
    'monthly-report': '{"month": "2026-11"}',
};

$('function-name').addEventListener('change', () => {
    const example = examples[$('function-name').value];
    if (example) { $('payload').value = example; }
});
$('refresh').addEventListener('click', loadFunctions);
$('va-function').addEventListener('change', () => {
    show($('publish-note'), '');
    show($('runs-summary'), '');
    $('runs').hidden = true;
    show($('va-error'), '');
    aliasVersionChosen = false;
    loadVersions();
});
$('publish').addEventListener('click', publish);
$('alias-form').addEventListener('submit', createAlias);
$('alias-version').addEventListener('change', () => { aliasVersionChosen = true; });
$('shift-alias').addEventListener('change', proposeShift);
$('shift-slider').addEventListener('input', () => { $('shift-percent').value = $('shift-slider').value; });
$('shift-percent').addEventListener('input', () => { $('shift-slider').value = $('shift-percent').value; });
$('shift-form').addEventListener('submit', shift);
$('runs-form').addEventListener('submit', run);
$('invoke-form').addEventListener('submit', invoke);
$('report-form').addEventListener('submit', streamReport);
$('report-stop').addEventListener('click', () => { if (reportAbort) { reportAbort.abort(); } });
loadFunctions();
