// Building the event cards of the live and ticker pages. Every text from an
// article (titles, evidence, names) is set as text, never as markup.

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

const pad = (n) => String(n).padStart(2, '0');

/** `2026-01-12 08:00` in the browser's time zone. */
export function fmtTime(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * When the news happened (ms): the article's own date when it has one, else
 * when it was published to the stream. A bare date is a day in Taipei or
 * Beijing (UTC+8): taken at its noon there, so no time zone moves it to
 * another day.
 */
export function eventTime(v) {
  const d = v.articleDate;
  const t = d ? Date.parse(DATE_ONLY.test(d) ? `${d}T12:00:00+08:00` : d) : NaN;
  return Number.isFinite(t) ? t : v.publishedMs;
}

/** The article's date as it gave it when it is a bare date, else date and time here. */
export function eventTimeLabel(v) {
  return v.articleDate && DATE_ONLY.test(v.articleDate) ? v.articleDate : fmtTime(eventTime(v));
}

const signed = (x) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(2)}`;

/** The evidence sentence with the event's entities marked. */
function evidence(text, marks) {
  const q = el('q', { class: 'evidence' });
  let at = 0;
  for (const m of marks) {
    if (m.start > at) q.append(text.slice(at, m.start));
    q.append(el('mark', { title: m.entity }, text.slice(m.start, m.end)));
    at = m.end;
  }
  if (at < text.length) q.append(text.slice(at));
  return q;
}

function labels(v) {
  const list = el('ul', { class: 'labels' });
  // One line per event type: the most confident of its labels.
  const best = new Map();
  for (const e of v.events) if (!best.has(e.type) || best.get(e.type).confidence < e.confidence) best.set(e.type, e);
  for (const e of best.values()) {
    const dir = e.polarity > 0 ? 'up' : e.polarity < 0 ? 'down' : 'flat';
    list.append(el('li', {}, el('span', { class: `type ${dir}`, title: `confidence ${e.confidence.toFixed(2)}` }, e.type, dir === 'up' ? ' ▲' : dir === 'down' ? ' ▼' : ''), ' ', evidence(e.evidence, e.marks)));
  }
  return list;
}

/** One event as a list item; `fresh` marks one that arrived while the page was open. */
export function eventCard(v, { fresh = false } = {}) {
  const title = v.url ? el('a', { href: v.url, target: '_blank', rel: 'noopener noreferrer' }, v.title) : v.title;
  const tickers = el('div', { class: 'tickers' }, v.tickers.slice(0, 12).map((t) => el('a', { class: 'chip', href: `/ticker/${encodeURIComponent(t.symbol)}` }, t.symbol, t.name ? el('span', { class: 'name' }, ` ${t.name}`) : null)));
  if (v.tickers.length > 12) tickers.append(el('span', { class: 'more' }, `+${v.tickers.length - 12}`));
  return el(
    'li',
    { class: `event${fresh ? ' fresh' : ''}`, lang: v.lang, dataset: { id: v.id, streamId: v.streamId } },
    el('div', { class: 'meta' },
      el('time', { datetime: new Date(eventTime(v)).toISOString(), title: `published to the stream ${fmtTime(v.publishedMs)}` }, eventTimeLabel(v)),
      el('span', { class: 'source' }, v.source),
      el('span', { class: `sent ${v.sentiment.label}` }, `${v.sentiment.label} ${signed(v.sentiment.score)}`)),
    el('h2', { class: 'title' }, title),
    tickers,
    v.events.length ? labels(v) : el('p', { class: 'no-events' }, 'no market event labelled'),
  );
}

/** Show the connection state in the header (`data-state` is what the browser test waits for). */
export function setStatus(state, text) {
  const s = document.getElementById('status');
  s.dataset.state = state;
  s.textContent = text;
}
