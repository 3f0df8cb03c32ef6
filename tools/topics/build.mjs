// Builds the tagger's iptc-labels.tsv: the labels of the IPTC Media Topics vocabulary's 1,089 narrower topics as
// keywords of the top-level topic each belongs to, so that "arson", "famine", "curling" or "insider trading" count
// for crime, disaster, sport and the economy though nobody listed them in topics.tsv.
//   node tools/topics/build.mjs PATH/TO/iptc-media-topics-english.json
// The vocabulary (CC BY 4.0, IPTC) is published as JSON in IPTC's extra-examples repository (a list of topics with
// topicId, name and definition; a 2017 snapshot is what this was built from). That JSON has no broader-topic links:
// IPTC numbered the narrower topics in runs under each top-level one, so each run below is assigned to its parent,
// and the topics added later (20001132 on) one by one.
// Labels that mean something else in everyday news ("game", "fine", "pool", "history", "children"), labels that are
// already keywords of another topic in topics.tsv (the hand-made choice stands), and the economy's computing and
// telecoms sectors (readers file such stories under science and technology) are left out: EXCLUDED says which.
import { readFileSync, writeFileSync } from 'node:fs';

const source = process.argv[2];
if (!source) {
  console.error('usage: node tools/topics/build.mjs PATH/TO/iptc-media-topics-english.json');
  process.exit(2);
}
const OUT = new URL('../../tagger/src/main/resources/io/newswire/tagger/', import.meta.url);

// Runs of narrower topics (20000002-20000051 under arts, ...) and their top-level topic.
const RUNS = [[2, 51, '01'], [53, 80, '16'], [82, 137, '02'], [139, 168, '03'], [170, 396, '04'], [398, 416, '05'],
  [418, 444, '06'], [446, 495, '07'], [497, 507, '08'], [509, 536, '09'], [538, 572, '10'], [574, 655, '11'],
  [657, 708, '12'], [710, 766, '13'], [768, 820, '14'], [822, 1126, '15'], [1128, 1131, '17']];
// Topics added after the first numbering, each placed where a reader would file its stories.
const LATER = {
  1132: '01', 1133: '01', 1134: '01', 1135: '01', 1136: '04', 1137: '04', 1138: '04', 1139: '04', 1140: '04',
  1141: '04', 1142: '15', 1144: '11', 1145: '11', 1146: '11', 1147: '11', 1149: '15', 1150: '15', 1151: '15',
  1152: '15', 1153: '15', 1154: '10', 1155: '15', 1156: '15', 1157: '15', 1158: '04', 1159: '04', 1160: '04',
  1161: '13', 1162: '04', 1163: '04', 1164: '04', 1165: '04', 1166: '04', 1167: '04', 1170: '04', 1171: '04',
  1172: '04', 1174: '11', 1175: '15', 1176: '15', 1177: '15', 1178: '15',
};
// Everyday senses, generic words, and topics news files elsewhere.
const EXCLUDED = new Set([
  // arts: design and drawing, culture and language, and the media stories cite ("told a newspaper")
  'design', 'drawing', 'culture', 'language', 'drama', 'radio', 'newspaper', 'news media', 'online media',
  'mass media', 'periodical', 'revolution',
  // crime and law
  'witness', 'regulation', 'fine', 'justice and rights', 'civil rights',
  // economy: computing and telecoms are science and technology to readers; the rest everyday or other topics'
  'management', 'chemicals', 'metal', 'hardware', 'computing and information technology', 'telecommunication equipment',
  'telecommunication service', 'wireless technology', 'biotechnology business', 'farms', 'renovation', 'beverage',
  'clothing', 'toy', 'transport', 'traffic', 'commuting', 'media', 'news agency', 'water supply', 'aerospace',
  'defence equipment', 'design and engineering', 'personal service', 'non-durable good', 'process industry',
  'energy and resource', 'metal and mineral', 'economic sector', 'business information', 'investments', 'prices',
  'consumers', 'loans', 'stocks', 'economy', 'analysts comment', 'management buyout', 'shareholder',
  // education
  'parent organisation', 'social learning', 'school', 'students', 'teachers', 'examination', 'curriculum',
  // environment
  'water', 'mountains', 'rivers', 'nature', 'parks', 'forests', 'oceans', 'wetlands', 'conservation',
  // health
  'injury', 'diet', 'aids', 'illness', 'medicine', 'therapy', 'plague',
  // human interest: too general
  'animal', 'plant', 'people', 'ceremony', 'accomplishment', 'human mishap',
  // labour
  'occupations', 'employee', 'employer', 'employment', 'pension', 'retirement',
  // lifestyle
  'game', 'bar', 'fishing', 'hunting', 'trend', 'sports facilities', 'club and association', 'hobby', 'travel',
  'holiday', 'leisure', 'cafe', 'restaurant', 'nightclub',
  // politics: the armed forces' stories are conflict's
  'executive', 'armed forces', 'military equipment', 'military weaponry', 'government', 'defence', 'safety of citizens',
  'security measures', 'political process', 'political system', 'political development', 'election',
  // religion
  'religious belief', 'church', 'temple', 'reformed', 'orthodoxy',
  // science
  'history', 'geography', 'philosophy', 'research', 'electronics', 'economics', 'study of law', 'technology and engineering',
  // society
  'communities', 'family', 'children', 'adults', 'values', 'mankind', 'infants', 'teenagers', 'adoption',
  'social networking', 'ethics', 'gender', 'disabled', 'welfare', 'marriage', 'parent and child', 'death and dying',
  'discrimination', 'courtship', 'charity',
  // sport: words with everyday senses
  'skeleton', 'snatch', 'pool', 'foil', 'polo', 'casting', 'diving', 'squash', 'sabre', 'fencing', 'transfer',
  'competition discipline', 'sailing', 'surfing', 'speedway', 'marathon', 'enduro', 'rodeo', 'hurling',
  'clean and jerk', 'greco-roman', 'side-cars', 'trampoline', 'luge', 'wrestling', 'boxing', 'judo', 'karate',
  // weather
  'weather phenomena', 'weather statistic',
]);

const clean = (name) => name.replace(/\s*\([^)]*\)/g, '').trim().toLowerCase();

// topics.tsv's keywords, to leave alone a label another topic already claims, and to skip what is already there.
const TOPICS = new URL('topics.tsv', OUT);
const listed = new Map(); // keyword -> top-level codes
for (const line of readFileSync(TOPICS, 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [code, , parent, keywords = ''] = line.split('\t');
  const top = (parent || code).slice(7, 9);
  for (const k of keywords.split('|')) {
    const keyword = k.trim().toLowerCase();
    if (keyword) listed.set(keyword, new Set([...(listed.get(keyword) ?? []), top]));
  }
}
const matches = (keyword, word) => keyword === word || (keyword.endsWith('*') && word.startsWith(keyword.slice(0, -1)));
const claimedBy = (word) => {
  const tops = new Set();
  for (const [keyword, codes] of listed) if (matches(keyword, word)) codes.forEach((c) => tops.add(c));
  return tops;
};

// A label and its other number: "riot" and "riots", "high schools" and "high school", "inventories" and "inventory".
// Plurals whose singular is another word ("securities", "natural gas", "species") keep their one form.
const ONE_FORM = new Set(['securities', 'natural gas', 'earnings', 'imports', 'exports', 'hurdles', 'darts', 'christmas',
  'endangered species', 'invasive species', 'rugby sevens', 'internet of things', 'billiards', 'heads of state',
  'logistics', 'public relations', 'labour relations', 'international relations', 'missing due to hostilities']);
const forms = (label) => {
  if (ONE_FORM.has(label)) return [label];
  const words = label.split(' ');
  const last = words.pop();
  let other;
  if (/ies$/.test(last)) other = last.slice(0, -3) + 'y';
  else if (/(ss|us|is|ics|ism|ing|ness)$/.test(last) || /[^a-z]/.test(last)) other = null;
  else if (/s$/.test(last)) other = last.slice(0, -1);
  else if (/[^aeiou]y$/.test(last)) other = last.slice(0, -1) + 'ies';
  else if (/(s|x|ch|sh)$/.test(last)) other = last + 'es';
  else other = last + 's';
  return other ? [label, [...words, other].join(' ')] : [label];
};

const byTop = new Map();
const { topics } = JSON.parse(readFileSync(source, 'utf8'));
for (const topic of topics) {
  const number = Number(topic.topicId.slice('medtop:'.length)) - 20000000;
  if (number <= 0) continue; // the 17 top-level topics themselves
  const top = RUNS.find(([from, to]) => number >= from && number <= to)?.[2] ?? LATER[number];
  const label = clean(topic.name);
  if (!top || EXCLUDED.has(label) || label.includes('/') || label.includes(',')) continue;
  // A label topics.tsv already has, for this topic or another, is left as it is there, with its other forms.
  if (claimedBy(label).size > 0) continue;
  for (const form of forms(label)) {
    if (claimedBy(form).size > 0) continue;
    if (!byTop.has(top)) byTop.set(top, new Set());
    byTop.get(top).add(form);
  }
}

const lines = [
  '# Labels of the IPTC Media Topics vocabulary\'s narrower topics (IPTC, CC BY 4.0), as keywords of their top-level',
  '# topic: code, keywords (|-separated; phrases match word by word). Built by tools/topics/build.mjs; do not edit.',
];
for (const top of [...byTop.keys()].sort()) {
  lines.push(`medtop:${top}000000\t${[...byTop.get(top)].sort().join('|')}`);
}
writeFileSync(new URL('iptc-labels.tsv', OUT), lines.join('\n') + '\n');
console.log(`iptc-labels.tsv: ${[...byTop.values()].reduce((n, s) => n + s.size, 0)} keywords for ${byTop.size} topics`);
