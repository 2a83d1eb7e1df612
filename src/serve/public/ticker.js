// One ticker: a timeline of its events with the sentiment towards the
// company (Chart.js), and the events below it; new ones arrive over SSE.
import { el, eventCard, eventTime, fmtTime, setStatus } from './render.js';

const symbol = decodeURIComponent(location.pathname.split('/').pop() ?? '').toUpperCase();
const list = document.getElementById('events');
const summary = document.getElementById('summary');
const heading = document.getElementById('heading');
document.title = `newsflow · ${symbol}`;

/** The sentiment towards this ticker's company in one event, else the article's. */
function tickerSentiment(v) {
  const t = v.tickers.find((x) => x.symbol === symbol || x.symbol.split('.')[0] === symbol);
  return t && t.sentiment !== null ? t.sentiment : v.sentiment.score;
}

function polarity(v) {
  const p = v.events.reduce((s, e) => s + e.polarity * e.confidence, 0);
  return p > 0.05 ? 'up' : p < -0.05 ? 'down' : 'flat';
}

const COLOURS = { up: '#1a7f37', down: '#cf222e', flat: '#8c959f' };
const points = [];

function runningMean(n) {
  return points.map((p, i) => {
    const w = points.slice(Math.max(0, i - n + 1), i + 1);
    return { x: p.x, y: w.reduce((s, q) => s + q.y, 0) / w.length };
  });
}

function point(v) {
  return { x: eventTime(v), y: tickerSentiment(v), title: v.title, types: [...new Set(v.events.map((e) => e.type))], dir: polarity(v) };
}

const chart = new Chart(document.getElementById('chart'), {
  data: {
    datasets: [
      { type: 'scatter', label: 'events', data: points, pointRadius: 6, pointHoverRadius: 8, pointBackgroundColor: (c) => COLOURS[c.raw?.dir ?? 'flat'] },
      { type: 'line', label: 'running mean (5)', data: [], borderColor: '#0969da', borderWidth: 2, pointRadius: 0, tension: 0.3 },
    ],
  },
  options: {
    animation: false,
    maintainAspectRatio: false,
    parsing: false,
    scales: {
      x: { type: 'linear', ticks: { callback: (ms) => fmtTime(ms).slice(0, 10), maxRotation: 0 }, title: { display: true, text: 'article date' } },
      y: { min: -1, max: 1, title: { display: true, text: 'sentiment' } },
    },
    plugins: {
      legend: { position: 'bottom' },
      tooltip: { callbacks: { title: (items) => items[0]?.raw.title ?? '', label: (item) => `${fmtTime(item.raw.x)}  ${item.raw.y.toFixed(2)}  ${(item.raw.types ?? []).join(', ')}` } },
    },
  },
});

function add(v, fresh) {
  points.push(point(v));
  points.sort((a, b) => a.x - b.x);
  chart.data.datasets[1].data = runningMean(5);
  chart.update();
  list.prepend(eventCard(v, { fresh }));
  summary.textContent = `${points.length} event${points.length === 1 ? '' : 's'} naming ${symbol}`;
}

async function start() {
  const res = await fetch(`/api/tickers/${encodeURIComponent(symbol)}/events?count=500`);
  const body = await res.json();
  heading.replaceChildren(symbol, body.name ? el('span', { class: 'name' }, ` ${body.name}`) : '');
  for (const v of body.events) add(v, false);
  if (!body.events.length) summary.textContent = `no events naming ${symbol} yet`;
  const seen = new Set(body.events.map((v) => v.streamId));
  let live = false;
  // history=0: what happened before is on the page already; only new events.
  const source = new EventSource(`/api/events/stream?ticker=${encodeURIComponent(symbol)}&history=0`);
  source.addEventListener('event', (msg) => {
    const v = JSON.parse(msg.data);
    if (seen.has(v.streamId)) return;
    seen.add(v.streamId);
    add(v, live);
  });
  source.addEventListener('live', () => {
    live = true;
    setStatus('live', 'live');
  });
  source.onerror = () => setStatus('reconnecting', 'reconnecting…');
}

start().catch((err) => setStatus('error', `could not load: ${err.message}`));
