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
        const kind = data && data.kind ? data.kind : 'error';
        const explain = {
            'throttled': 'Lambda is throttling this function (too many concurrent calls). Try again shortly.',
            'unavailable': 'The Lambda endpoint is unavailable or timed out.',
            'not-found': 'No such function.',
            'invalid-request': 'The request was refused.',
            'access-denied': 'Lambda refused the server\'s credentials.',
        }[kind] || `The server answered ${response.status}.`;
        throw new Error(explain + (data && data.error ? ' ' + data.error : ''));
    }
    return data;
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

const examples = {
    'greeting': '{"name": "Ada"}',
    'order-pricing': '{"customer": "Ada", "couponCode": "SAVE10", "lines": [{"sku": "book", "quantity": 2, "unitPriceCents": 1500}]}',
    'payment-failure': '{"orderId": 42}',
    'slow-report': '{"seconds": 2}',
};

$('function-name').addEventListener('change', () => {
    const example = examples[$('function-name').value];
    if (example) { $('payload').value = example; }
});
$('refresh').addEventListener('click', loadFunctions);
$('invoke-form').addEventListener('submit', invoke);
loadFunctions();
