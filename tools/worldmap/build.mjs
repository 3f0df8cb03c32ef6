// Builds the console's offline world map, reproducibly (pinned package versions):
//   cd tools/worldmap && npm ci && node build.mjs
// Sources and licences (see NOTICE):
//   world-atlas 2.0.2      Natural Earth 1:110m countries as TopoJSON (data public domain, package ISC)
//   topojson-client 3.1.0  TopoJSON to GeoJSON (ISC), used here only
// Output: two SVG path strings in an equirectangular frame 360 x 180 (x = longitude + 180, y = 90 - latitude),
// so the page places a marker with the same two additions and needs no projection library.
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { feature, mesh } from 'topojson-client';

const require = createRequire(import.meta.url);
const world = require('world-atlas/countries-110m.json');
const OUT = new URL('../../console/src/main/resources/io/newswire/console/web/world.json', import.meta.url);
const r = (v) => Math.round(v * 10) / 10;

function path(rings) {
  const parts = [];
  for (const ring of rings) {
    let d = '';
    let last = null;
    for (const [lon, lat] of ring) {
      const p = `${r(lon + 180)} ${r(90 - lat)}`;
      if (p !== last) d += (d ? 'L' : 'M') + p;
      last = p;
    }
    if (d) parts.push(d + 'Z');
  }
  return parts.join('');
}

const land = feature(world, world.objects.land);
const rings = [];
for (const f of land.features ?? [land]) {
  const g = f.geometry;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) rings.push(...poly);
}
const borders = mesh(world, world.objects.countries, (a, b) => a !== b);
const lines = borders.coordinates.map((line) => line.map(([lon, lat]) => `${r(lon + 180)} ${r(90 - lat)}`)
  .map((p, i) => (i ? 'L' : 'M') + p).join(''));
writeFileSync(OUT, JSON.stringify({
  source: 'Natural Earth 1:110m (public domain) via world-atlas 2.0.2',
  frame: 'equirectangular, x = longitude + 180, y = 90 - latitude',
  land: path(rings),
  borders: lines.join(''),
}) + '\n');
console.log(`wrote ${OUT.pathname}`);
