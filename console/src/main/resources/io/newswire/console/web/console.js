// The Newswire console: one page, no framework, nothing fetched from elsewhere. Article text is always put in the
// page as text nodes (never as HTML), so nothing an article contains can run as script.
const MAX_SHOWN = 200;
const TYPE_NAMES = { PER: 'Person', ORG: 'Organisation', LOC: 'Place', MISC: 'Other' };
const $ = (id) => document.getElementById(id);
const state = { articles: new Map(), window: '1h', live: 0, connected: false };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== undefined && c !== null && c !== false) node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

// only web links: an article's url is input like any other, and a javascript: link must not become one
const link = (url) => (typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null);
const when = (iso) => (iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : '');

/** The text with its entity marks, as nodes: marks are [start, end) offsets into exactly this text. */
function marked(text, marks) {
  // a line break inside a paragraph (hard-wrapped sources) becomes a space: same length, so the offsets hold
  text = text.replace(/([^\n])\n(?!\n)/g, '$1 ');
  const out = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at || m.end > text.length) continue;
    out.push(text.slice(at, m.start));
    out.push(el('mark', { class: m.type, title: `${TYPE_NAMES[m.type] || m.type}: ${m.name}` }, text.slice(m.start, m.end)));
    at = m.end;
  }
  out.push(text.slice(at));
  return out;
}

function searchFor(field, value) {
  const form = $('search');
  for (const name of ['q', 'entity', 'topic', 'lang', 'from', 'to']) form.elements[name].value = '';
  form.elements[field].value = value;
  runSearch();
}

function articleItem(a) {
  const titleMarks = a.marks.filter((m) => m.in === 'title');
  const bodyMarks = a.marks.filter((m) => m.in === 'body');
  const title = link(a.url) ? el('a', { href: link(a.url), rel: 'noopener noreferrer' }, marked(a.title, titleMarks))
    : marked(a.title, titleMarks);
  const story = a.storyId && a.duplicateOf ? ' · a copy of an earlier article' : '';
  return el('li', { id: `article-${a.id}`, 'data-id': a.id, 'data-story': a.storyId || '' },
    el('h3', {}, title),
    el('p', { class: 'meta' }, [a.source, a.language, when(a.when)].filter(Boolean).join(' · ') + story,
      el('span', { class: 'story' })),
    el('p', { class: 'text' }, marked(a.excerpt, bodyMarks), a.more ? ' …' : ''),
    el('ul', { class: 'chips', 'aria-label': 'Entities' }, a.entities.slice(0, 12).map((e) =>
      el('li', {}, el('button', { type: 'button', class: e.type, title: `Search for ${TYPE_NAMES[e.type]} ${e.name}`,
        onclick: () => searchFor('entity', e.name) }, e.name + (e.mentions > 1 ? ` ×${e.mentions}` : ''))))),
    a.topics.length ? el('ul', { class: 'chips', 'aria-label': 'Topics' }, a.topics.map((t) =>
      el('li', {}, el('button', { type: 'button', class: 'topic', title: `Search for topic ${t.label}`,
        onclick: () => searchFor('topic', t.code) }, `${t.label} ${t.score.toFixed(2)}`)))) : null,
    a.quote ? el('blockquote', {}, `“${a.quote.text}”`, a.quote.speaker ? ` — ${a.quote.speaker}` : '') : null);
}

function showArticle(a, fresh) {
  state.articles.delete(a.id);
  state.articles.set(a.id, a);
  const old = document.getElementById(`article-${a.id}`);
  if (old) old.remove();
  const item = articleItem(a);
  if (fresh) item.classList.add('new');
  $('articles').prepend(item);
  while ($('articles').children.length > MAX_SHOWN) {
    const last = $('articles').lastElementChild;
    state.articles.delete(last.dataset.id);
    last.remove();
  }
  $('empty').hidden = state.articles.size > 0;
  storyBadges();
}

/** Each article's story, when the articles shown hold more than one of it: "story of N articles, from S". */
function storyBadges() {
  const stories = new Map();
  for (const a of state.articles.values()) {
    if (a.storyId) stories.set(a.storyId, [...(stories.get(a.storyId) || []), a]);
  }
  for (const item of $('articles').children) {
    const members = stories.get(item.dataset.story) || [];
    const others = [...new Set(members.filter((m) => m.id !== item.dataset.id).map((m) => m.source))];
    item.querySelector('.story').textContent = members.length > 1
      ? ` · story of ${members.length} articles, also from ${others.join(', ')}` : '';
  }
}

function retract(id) {
  state.articles.delete(id);
  document.getElementById(`article-${id}`)?.remove();
  $('empty').hidden = state.articles.size > 0;
  storyBadges();
}

function status() {
  const s = $('status');
  s.className = state.connected ? 'live' : 'down';
  const fresh = state.live ? ` · ${state.live} new since loaded` : '';
  s.textContent = (state.connected ? 'Live' : 'Reconnecting…') + ` · ${state.articles.size} articles${fresh}`;
}

// ---- trends -------------------------------------------------------------------------------------------------
function sparkline(series) {
  const box = svg('svg', { class: 'spark', viewBox: '0 0 64 18', 'aria-hidden': 'true' });
  if (series && series.length > 1) {
    const max = Math.max(1, ...series);
    const points = series.map((v, i) => `${(i * 63 / (series.length - 1)).toFixed(1)},${(17 - v * 16 / max).toFixed(1)}`);
    box.append(svg('polyline', { points: points.join(' ') }));
  }
  return box;
}

function bars(list, rows, field) {
  list.replaceChildren();
  const max = Math.max(1, ...rows.map((r) => r.articles));
  for (const r of rows) {
    const bar = el('div', { class: 'bar' });
    bar.style.width = `${(100 * r.articles / max).toFixed(1)}%`;
    list.append(el('li', { 'data-name': r.name },
      el('button', { type: 'button', title: `Search for ${r.name}`, onclick: () => searchFor(field, field === 'topic' ? r.key : r.name) }, r.name),
      el('div', { role: 'presentation' }, bar),
      el('span', { class: 'count', 'aria-label': `${r.articles} articles` }, r.articles),
      sparkline(r.series)));
  }
}

async function loadTrends() {
  try {
    const t = await getJson(`/api/trends?window=${state.window}`);
    $('trends-note').hidden = true;
    bars($('trend-entities'), t.entities, 'entity');
    bars($('trend-topics'), t.topics, 'topic');
  } catch (e) {
    $('trends-note').hidden = false;
    $('trends-note').textContent = `Trends are not available: ${e.message}`;
  }
}

// ---- map ----------------------------------------------------------------------------------------------------
async function loadMap() {
  const world = await getJson('/world.json');
  const map = $('map');
  map.prepend(svg('path', { class: 'land', d: world.land }), svg('path', { class: 'borders', d: world.borders }));
  const markers = svg('g', { id: 'markers' });
  map.append(markers);
  drawPlaces();
}

function drawPlaces() {
  const markers = document.getElementById('markers');
  if (!markers) return;
  const places = new Map();
  for (const a of state.articles.values()) {
    for (const p of a.places) {
      const key = `${p.name}|${p.lat}|${p.lon}`;
      const seen = places.get(key) || { ...p, count: 0 };
      seen.count += 1;
      places.set(key, seen);
    }
  }
  markers.replaceChildren();
  const sorted = [...places.values()].sort((x, y) => y.count - x.count);
  for (const p of sorted) {
    const dot = svg('circle', { class: 'marker', cx: (p.lon + 180).toFixed(2), cy: (90 - p.lat).toFixed(2),
      r: (1.4 + Math.sqrt(p.count) * 0.8).toFixed(2) });
    const label = svg('title', {});
    label.textContent = `${p.name}${p.country ? ` (${p.country})` : ''}: ${p.count} article${p.count > 1 ? 's' : ''}`;
    dot.append(label);
    markers.append(dot);
  }
  $('places').textContent = sorted.length
    ? sorted.slice(0, 12).map((p) => `${p.name} ${p.count}`).join(' · ') : 'No places in the articles shown.';
}

// ---- stories, watches ---------------------------------------------------------------------------------------
async function loadStories() {
  const { stories } = await getJson('/api/stories');
  $('stories').replaceChildren(...stories.map((s) => {
    const sources = [...new Set(s.articles.map((a) => a.source))];
    return el('li', {}, el('strong', {}, s.articles[0]?.title || s.storyId),
      el('div', { class: 'hint' }, `${s.articleCount} articles from ${sources.length} source${sources.length > 1 ? 's' : ''}: ${sources.join(', ')}`),
      el('ol', { class: 'members' }, s.articles.slice(0, 6).map((a) =>
        el('li', {}, `${a.copy ? 'copy · ' : ''}${a.source} · ${a.title}`))));
  }));
  $('no-stories').hidden = stories.length > 0;
}

function alertItem(a) {
  return el('li', {}, el('strong', {}, a.watchName), ' · ',
    link(a.url) ? el('a', { href: link(a.url), rel: 'noopener noreferrer' }, a.title) : a.title, el('span', { class: 'hint' }, ` · ${when(a.alertedAt)}`));
}

async function loadWatches() {
  const { watches, alerts } = await getJson('/api/watches');
  $('watch-section').hidden = watches.length === 0 && alerts.length === 0;
  $('watches').replaceChildren(...watches.map((w) => el('li', {}, el('strong', {}, w.name), ' ', el('code', {}, w.rule))));
  $('alerts').replaceChildren(...alerts.slice(0, 20).map(alertItem));
}

// ---- search -------------------------------------------------------------------------------------------------
function snippet(text) {
  // the stores mark matches with « and »: shown as <mark>, built as text nodes
  const out = [];
  const parts = text.split(/«|»/);
  parts.forEach((part, i) => out.push(i % 2 ? el('mark', { class: 'MISC' }, part) : part));
  return out;
}

async function runSearch() {
  const form = $('search');
  const params = new URLSearchParams();
  for (const name of ['q', 'entity', 'topic', 'lang', 'from', 'to']) {
    const v = form.elements[name].value.trim();
    if (v) params.set(name, v);
  }
  $('stream').hidden = true;
  $('results').hidden = false;
  $('results-summary').textContent = 'Searching…';
  try {
    const r = await getJson(`/api/search?${params}`);
    $('results-summary').textContent = `${r.hits.length} of ${r.total} articles (${r.store === 'opensearch' ? 'OpenSearch' : 'PostgreSQL'})`;
    $('hits').replaceChildren(...r.hits.map((h) => el('li', {},
      el('h3', {}, link(h.url) ? el('a', { href: link(h.url), rel: 'noopener noreferrer' }, h.title) : h.title),
      el('p', { class: 'meta' }, [h.source, h.language, when(h.when)].filter(Boolean).join(' · ')),
      ...(h.snippets || []).map((s) => el('p', { class: 'text' }, '… ', snippet(s), ' …')))));
    $('facets').replaceChildren(...Object.entries(r.facets || {}).filter(([, c]) => Object.keys(c).length)
      .map(([facet, counts]) => el('div', {}, el('strong', {}, facet), ' ', Object.entries(counts).map(([k, n]) => `${k} (${n})`).join(', '))));
  } catch (e) {
    $('results-summary').textContent = `Search failed: ${e.message}`;
    $('hits').replaceChildren();
  }
  $('results-h').focus?.();
}

function backToLive() {
  $('results').hidden = true;
  $('stream').hidden = false;
}

// ---- live ---------------------------------------------------------------------------------------------------
let storiesTimer = null;
function soon(fn) {
  clearTimeout(storiesTimer);
  storiesTimer = setTimeout(fn, 1500);
}

function connect() {
  const events = new EventSource('/api/stream');
  events.onopen = () => { state.connected = true; status(); };
  events.onerror = () => { state.connected = false; status(); };
  events.addEventListener('article', (e) => {
    showArticle(JSON.parse(e.data), true);
    state.live += 1;
    status();
    drawPlaces();
    soon(() => { loadStories().catch(() => {}); loadTrends(); });
  });
  events.addEventListener('retract', (e) => { retract(JSON.parse(e.data).id); status(); drawPlaces(); });
  events.addEventListener('alert', (e) => {
    $('watch-section').hidden = false;
    $('alerts').prepend(alertItem(JSON.parse(e.data)));
  });
  events.addEventListener('watch', () => loadWatches().catch(() => {}));
  events.addEventListener('reload', () => loadArticles());
}

async function loadArticles() {
  const { articles } = await getJson('/api/articles');
  // oldest first, each to the top: the newest ends first; articles already pushed live are replaced, not repeated
  for (const a of [...articles].reverse()) showArticle(a, false);
  status();
  drawPlaces();
}

document.addEventListener('DOMContentLoaded', () => {
  $('results-h').tabIndex = -1;
  $('search').addEventListener('submit', (e) => { e.preventDefault(); runSearch(); });
  $('live').addEventListener('click', backToLive);
  for (const b of document.querySelectorAll('.tabs button')) {
    b.addEventListener('click', () => {
      state.window = b.dataset.window;
      for (const o of document.querySelectorAll('.tabs button')) o.setAttribute('aria-pressed', String(o === b));
      loadTrends();
    });
  }
  connect(); // first, so nothing that arrives while the first view loads is missed
  Promise.all([loadArticles(), loadMap(), loadTrends(), loadStories(), loadWatches()])
    .then(() => { window.newswireFirstViewMs = performance.now(); document.body.setAttribute('data-loaded', 'true'); })
    .catch((e) => { $('status').textContent = `Could not load: ${e.message}`; });
  setInterval(loadTrends, 30000);
});
