// The live page: filters in the query string, events over SSE (history first,
// then each new one), newest on top.
import { eventCard, setStatus } from './render.js';

const MAX_CARDS = 300;
const form = document.getElementById('filters');
const list = document.getElementById('events');
const empty = document.getElementById('empty');
const summary = document.getElementById('summary');
const FIELDS = ['ticker', 'entity', 'type', 'sentiment'];
let source = null;
let count = 0;

function filtersFromUrl() {
  const q = new URLSearchParams(location.search);
  for (const f of FIELDS) form.elements[f].value = q.get(f) ?? '';
}

function currentFilters() {
  const q = new URLSearchParams();
  for (const f of FIELDS) {
    const v = form.elements[f].value.trim();
    if (v) q.set(f, v);
  }
  return q;
}

function describe(q) {
  const parts = FIELDS.filter((f) => q.get(f)).map((f) => `${f} ${q.get(f)}`);
  return `${count} event${count === 1 ? '' : 's'}${parts.length ? ` · ${parts.join(' · ')}` : ''}`;
}

function connect() {
  source?.close();
  list.replaceChildren();
  count = 0;
  const q = currentFilters();
  summary.textContent = describe(q);
  let live = false;
  const params = new URLSearchParams(q);
  params.set('history', '50');
  source = new EventSource(`/api/events/stream?${params}`);
  setStatus('connecting', 'connecting…');
  source.addEventListener('event', (msg) => {
    const v = JSON.parse(msg.data);
    if (list.querySelector(`[data-stream-id="${v.streamId}"]`)) return;
    list.prepend(eventCard(v, { fresh: live }));
    while (list.children.length > MAX_CARDS) list.lastElementChild.remove();
    count++;
    empty.hidden = true;
    summary.textContent = describe(q);
  });
  source.addEventListener('live', () => {
    live = true;
    empty.hidden = count > 0;
    setStatus('live', 'live');
  });
  source.addEventListener('failure', () => setStatus('error', 'Redis unreachable; retrying…'));
  // EventSource reconnects by itself and sends Last-Event-ID: the server resumes after it.
  source.onerror = () => setStatus('reconnecting', 'reconnecting…');
}

async function loadTypes() {
  try {
    const meta = await (await fetch('/api/meta')).json();
    const select = form.elements.type;
    for (const t of meta.types) select.append(new Option(t, t));
  } catch {
    // The filter still works by typing nothing; the list of types is a convenience.
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = currentFilters();
  history.replaceState(null, '', q.toString() ? `?${q}` : location.pathname);
  connect();
});
form.addEventListener('reset', () => setTimeout(() => form.requestSubmit(), 0));

await loadTypes();
filtersFromUrl();
connect();
