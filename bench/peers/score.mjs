#!/usr/bin/env node
// Peer benchmark: scores the common JavaScript sentiment packages on the same
// evaluation files earshot is scored on (../shared/eval/, described in its
// README.md), the same way, and prints one Markdown table per task with
// earshot's own figures beside them.
//
// Normally started by run_peers.sh, which installs the packages first:
//
//   node score.mjs --peers DIR --eval DIR [--earshot BIN] [--out FILE]
//
//   --peers DIR    scratch folder whose node_modules holds the five packages
//   --eval DIR     folder with the *.dev.tsv files
//   --earshot BIN  earshot binary; its column reads "earshot: not built" when
//                  the binary or its `eval` command is missing
//   --out FILE     also write the tables to FILE
//   --skip KEYS    leave out these tools, comma-separated: vader, afinn,
//                  multilangTr, nlpjsTr (multilang-sentiment scores 5-15
//                  items/s, so a run without it takes minutes, not most of
//                  an hour)
//
// Tables go to stdout, progress to stderr. No line of the evaluation files is
// ever printed or written: only aggregate figures.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (!['--peers', '--eval', '--earshot', '--out', '--skip'].includes(flag) || i + 1 >= argv.length) {
      throw new Error(`usage: score.mjs --peers DIR --eval DIR [--earshot BIN] [--out FILE] [--skip KEYS] (bad argument: ${flag})`);
    }
    args[flag.slice(2)] = argv[(i += 1)];
  }
  if (!args.peers || !args.eval) throw new Error('score.mjs: --peers and --eval are required');
  return args;
}

const args = parseArgs(process.argv.slice(2));
const toolKeys = ['vader', 'afinn', 'multilangTr', 'nlpjsTr'];
const skipped = new Set((args.skip ?? '').split(',').filter(Boolean));
for (const key of skipped) {
  if (!toolKeys.includes(key)) throw new Error(`score.mjs: --skip: unknown tool ${key} (one of ${toolKeys.join(', ')})`);
}
const using = (keys) => keys.filter((key) => !skipped.has(key));
const log = (msg) => process.stderr.write(`peers: ${msg}\n`);

// ---------------------------------------------------------------- data

// One item a line: LABEL<TAB>TEXT (the text may not contain tabs, but split on
// the first one only, to be safe).
function readTsv(file) {
  const items = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue;
    const tab = line.indexOf('\t');
    if (tab < 0) throw new Error(`${file}: a line without a tab`);
    items.push({ label: line.slice(0, tab), text: line.slice(tab + 1) });
  }
  return items;
}

// ---------------------------------------------------------------- metrics

function pearson(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

// Precision, recall and F1 per class, and macro-F1 (their plain mean).
// A prediction of null is an abstention: it is wrong for the item's gold class
// (a false negative) and is not a false positive of any class.
function classScores(gold, pred, classes) {
  const perClass = {};
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i += 1) {
      const isGold = gold[i] === c;
      const isPred = pred[i] === c;
      if (isGold && isPred) tp += 1;
      else if (isPred) fp += 1;
      else if (isGold) fn += 1;
    }
    const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
    const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perClass[c] = { precision, recall, f1 };
  }
  const macroF1 = classes.reduce((sum, c) => sum + perClass[c].f1, 0) / classes.length;
  return { perClass, macroF1 };
}

const share = (flags) => flags.filter(Boolean).length / flags.length;

// The sign of a score as a two-way label; exactly 0 abstains (null).
const signLabel = (s) => (s > 0 ? 'positive' : s < 0 ? 'negative' : null);

// ---------------------------------------------------------------- peer tools

// Packages are CommonJS and live in the scratch folder, not beside this file,
// so resolve them from there.
const peerRequire = createRequire(path.join(path.resolve(args.peers), 'package.json'));
const versionOf = (pkg) => peerRequire(`${pkg}/package.json`).version;

// Each tool: a display name, score(text) -> number (or a Promise of one for
// nlp.js, whose API is async), and the rule that turns the number into a label.
async function loadTools() {
  // vader-sentiment: a static analyser; compound is in [-1, 1].
  const vader = peerRequire('vader-sentiment');
  // sentiment (AFINN-165): a class; analyze() gives score (sum of word
  // valences) and comparative (score / number of tokens).
  const Sentiment = peerRequire('sentiment');
  const afinn = new Sentiment();
  // multilang-sentiment: a function (text, lang) -> { score, comparative,
  // category, ... }. Its lexicon and fuzzy index load on the first call.
  const multilang = peerRequire('multilang-sentiment');
  // nlp.js v4: a SentimentAnalyzer bound to a container in which the Turkish
  // language plugin is registered; process({ locale, text }) resolves to an
  // object whose .sentiment has score, average and vote. @nlpjs/core is a
  // dependency of @nlpjs/sentiment and is resolved through it, so both see
  // the same container class.
  const { SentimentAnalyzer } = peerRequire('@nlpjs/sentiment');
  const { LangTr } = peerRequire('@nlpjs/lang-tr');
  const nlpjsRequire = createRequire(peerRequire.resolve('@nlpjs/sentiment'));
  const { containerBootstrap } = nlpjsRequire('@nlpjs/core');
  const container = await containerBootstrap();
  container.use(LangTr);
  const nlpjs = new SentimentAnalyzer({ container });

  return {
    vader: {
      name: `VADER (vader-sentiment ${versionOf('vader-sentiment')})`,
      score: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text).compound,
    },
    afinn: {
      name: `AFINN (sentiment ${versionOf('sentiment')})`,
      score: (text) => afinn.analyze(text).score,
      // The whole result, for the tweets task that needs score and comparative.
      analyze: (text) => afinn.analyze(text),
    },
    multilangTr: {
      name: `multilang-sentiment ${versionOf('multilang-sentiment')} (tr)`,
      score: (text) => multilang(text, 'tr').score,
    },
    nlpjsTr: {
      name: `nlp.js (@nlpjs/sentiment ${versionOf('@nlpjs/sentiment')} + lang-tr)`,
      isAsync: true,
      score: async (text) => (await nlpjs.process({ locale: 'tr', text })).sentiment.score,
    },
  };
}

// Runs fn over every text on this one thread and times only that loop. One
// call before the clock starts loads lazy lexicons and indexes.
async function timed(fn, isAsync, texts) {
  await fn('warm up');
  const out = new Array(texts.length);
  const start = process.hrtime.bigint();
  if (isAsync) {
    for (let i = 0; i < texts.length; i += 1) out[i] = await fn(texts[i]);
  } else {
    for (let i = 0; i < texts.length; i += 1) out[i] = fn(texts[i]);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { values: out, itemsPerSecond: texts.length / seconds };
}

// ---------------------------------------------------------------- earshot

// `earshot eval --help` must succeed AND describe --task: the CLI prints the
// top-level help with exit 0 for an unknown subcommand followed by --help, so
// the exit code alone does not prove that `eval` exists.
function probeEarshot(bin) {
  if (!bin || !fs.existsSync(bin)) return false;
  const r = spawnSync(bin, ['eval', '--help'], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0 || !/--task/.test(`${r.stdout}${r.stderr}`)) return false;
  earshotHasPasses = /--passes/.test(`${r.stdout}${r.stderr}`);
  return true;
}

// Whether `earshot eval` takes --passes (then a second pass over the same
// file gives its warm rate, beside the first pass's cold one).
let earshotHasPasses = false;

// Runs `earshot eval FILE --task TASK` and reads its `key: value` lines (see
// README.md). Numbers may be written as fractions or with a trailing %.
function runEarshot(bin, file, task) {
  const passes = earshotHasPasses ? ['--passes', '2'] : [];
  const r = spawnSync(bin, ['eval', file, '--task', task, ...passes], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 30 * 60_000,
    maxBuffer: 64 << 20,
  });
  if (r.error) return { error: `earshot: eval failed (${r.error.code || r.error.message})` };
  if (r.status !== 0) return { error: `earshot: eval failed (exit ${r.status})` };
  const figures = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^\s*([a-z][a-z0-9_]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const pct = /^([-+]?[0-9.]+(?:e[-+]?\d+)?)\s*%$/i.exec(m[2]);
    const num = pct ? Number(pct[1]) / 100 : Number(m[2]);
    figures[m[1]] = m[2] !== '' && Number.isFinite(num) ? num : m[2];
  }
  return { figures };
}

// ---------------------------------------------------------------- output

const dash = '–';
const fix3 = (x) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(3) : dash);
const pct1 = (x) => (typeof x === 'number' && Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : dash);
const rate = (x) => (typeof x === 'number' && Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : dash);
// earshot's items/s: its first (cold) pass, and its second pass when it made
// one: the peers' loops are timed after a warm-up call, in a warm JIT.
const earshotRate = (f) =>
  typeof f.items_per_second_warm === 'number'
    ? `${rate(f.items_per_second)} (2nd pass: ${rate(f.items_per_second_warm)})`
    : rate(f.items_per_second);

function mdTable(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

// The earshot row: its figures, or a single notice cell and dashes.
function earshotRow(result, width, cells) {
  if (!result) return ['earshot', 'earshot: not built', ...Array(width - 2).fill(dash)];
  if (result.error) return ['earshot', result.error, ...Array(width - 2).fill(dash)];
  return ['earshot', ...cells(result.figures)];
}

// ---------------------------------------------------------------- tasks

async function main() {
  const evalDir = path.resolve(args.eval);
  const file = (name) => path.join(evalDir, name);
  const data = {
    tweets: readTsv(file('en-vader-tweets.dev.tsv')),
    complaints: readTsv(file('en-complaints.dev.tsv')),
    movies: readTsv(file('tr-movies.dev.tsv')),
    sikayetvar: readTsv(file('tr-sikayetvar.dev.tsv')),
  };
  const tools = await loadTools();
  const earshotBin = args.earshot ? path.resolve(args.earshot) : '';
  const earshotBuilt = probeEarshot(earshotBin);
  log(earshotBuilt ? `earshot: ${earshotBin}` : 'earshot: not built (no binary, or no `eval` command)');
  const earshot = (name, task) => {
    if (!earshotBuilt) return null;
    log(`earshot eval ${name} --task ${task}`);
    return runEarshot(earshotBin, file(name), task);
  };
  const run = async (tool, items, fn = tool.score) => {
    log(`${tool.name}: ${items.length} items`);
    return timed(fn, tool.isAsync, items.map((it) => it.text));
  };
  const sections = [];
  const count = (items) => items.length.toLocaleString('en-US');

  // --- EN tweets: Pearson r against the mean rating, 3-class macro-F1.
  {
    const items = data.tweets;
    const ratings = items.map((it) => Number(it.label));
    const gold = ratings.map((m) => (m >= 0.2 ? 'positive' : m <= -0.2 ? 'negative' : 'neutral'));
    const classes = ['positive', 'neutral', 'negative'];
    const three = (s, lo, hi) => (s >= hi ? 'positive' : s <= lo ? 'negative' : 'neutral');
    const rows = [];
    const e = earshot('en-vader-tweets.dev.tsv', 'sentiment');
    rows.push(earshotRow(e, 5, (f) => [fix3(f.pearson_r), fix3(f.macro_f1), f.thresholds ?? "earshot's own", earshotRate(f)]));

    if (!skipped.has('vader')) {
      const v = await run(tools.vader, items);
      rows.push([tools.vader.name, fix3(pearson(v.values, ratings)),
        fix3(classScores(gold, v.values.map((s) => three(s, -0.05, 0.05)), classes).macroF1),
        'compound ≥ +0.05 / ≤ −0.05', rate(v.itemsPerSecond)]);
    }

    // AFINN: Pearson r on comparative (score / tokens, a graded value), as the
    // eval README's reference figure; labels by the sign of score (the same
    // sign as comparative). One timed loop gives both.
    if (!skipped.has('afinn')) {
      const a = await run(tools.afinn, items, tools.afinn.analyze);
      // r on the raw score is shown too: it differs noticeably.
      const rComparative = pearson(a.values.map((r) => r.comparative), ratings);
      const rScore = pearson(a.values.map((r) => r.score), ratings);
      rows.push([tools.afinn.name, `${fix3(rComparative)} (on score: ${fix3(rScore)})`,
        fix3(classScores(gold, a.values.map((r) => signLabel(r.score) ?? 'neutral'), classes).macroF1),
        'r on comparative; label by score > 0 / < 0', rate(a.itemsPerSecond)]);
    }

    sections.push(`### EN tweets: sentiment (en-vader-tweets, ${count(items)} items)\n\n`
      + 'Gold: mean rating ≥ +0.2 positive, ≤ −0.2 negative, neutral otherwise.\n\n'
      + mdTable(['tool', 'Pearson r', '3-class macro-F1', 'prediction thresholds', 'items/s'], rows));
  }

  // --- EN complaints: a negative score calls a complaint.
  {
    const items = data.complaints;
    const gold = items.map((it) => it.label);
    const classes = ['complaint', 'not_complaint'];
    const asComplaint = (scores) => scores.map((s) => (s < 0 ? 'complaint' : 'not_complaint'));
    const cells = (sc) => [fix3(sc.perClass.complaint.precision), fix3(sc.perClass.complaint.recall),
      fix3(sc.perClass.complaint.f1), fix3(sc.macroF1)];
    const rows = [];
    const e = earshot('en-complaints.dev.tsv', 'complaint');
    rows.push(earshotRow(e, 7, (f) => [fix3(f.precision), fix3(f.recall), fix3(f.f1), fix3(f.macro_f1),
      'its complaint class', earshotRate(f)]));
    for (const tool of using(['vader', 'afinn']).map((key) => tools[key])) {
      const r = await run(tool, items);
      rows.push([tool.name, ...cells(classScores(gold, asComplaint(r.values), classes)),
        tool === tools.vader ? 'compound < 0' : 'score < 0', rate(r.itemsPerSecond)]);
    }
    sections.push(`### EN complaints: complaint detection (en-complaints, ${count(items)} items)\n\n`
      + mdTable(['tool', 'complaint P', 'complaint R', 'complaint F1', 'macro-F1', 'calls a complaint when', 'items/s'], rows));
  }

  // --- TR movies: two-way polarity; a score of exactly 0 is an abstention
  // and counts as wrong. The scores are kept for the false-alarm figure below.
  const moviePositives = data.movies.map((it) => it.label === 'positive');
  const falseAlarms = {};
  let earshotMovies = null;
  {
    const items = data.movies;
    const gold = items.map((it) => it.label);
    const rows = [];
    const e = earshot('tr-movies.dev.tsv', 'polarity');
    earshotMovies = e;
    rows.push(earshotRow(e, 5, (f) => [fix3(f.macro_f1), pct1(f.abstention), 'its own label', earshotRate(f)]));
    for (const [key, note] of [['multilangTr', ''], ['nlpjsTr', ''], ['vader', ', English lexicon (reference)']]
      .filter(([key]) => !skipped.has(key))) {
      const tool = tools[key];
      const r = await run(tool, items);
      const pred = r.values.map(signLabel);
      falseAlarms[key] = share(r.values.filter((_, i) => moviePositives[i]).map((s) => s < 0));
      rows.push([tool.name + note, fix3(classScores(gold, pred, ['positive', 'negative']).macroF1),
        pct1(share(pred.map((p) => p === null))), 'score > 0 / < 0; 0 abstains', rate(r.itemsPerSecond)]);
    }
    sections.push(`### TR movies: polarity (tr-movies, ${count(items)} items)\n\n`
      + 'Macro-F1 over positive / negative; an item scored exactly 0 counts as wrong (abstention).\n\n'
      + mdTable(['tool', 'macro-F1', 'abstention', 'label rule', 'items/s'], rows));
  }

  // --- TR complaint titles: share scored negative, paired with the share of
  // tr-movies positives scored negative (false alarms).
  {
    const items = data.sikayetvar;
    const rows = [];
    const e = earshot('tr-sikayetvar.dev.tsv', 'recall');
    // earshot's false-alarm figure: the optional positive_called_complaint
    // line of its polarity run; without it, its `recall` task on the tr-movies
    // positives alone, from a temporary file outside the repository.
    let eFalse = null;
    const fromPolarity = earshotMovies?.figures?.positive_called_complaint;
    if (typeof fromPolarity === 'number') {
      eFalse = { figures: { complaint_share: fromPolarity } };
    } else if (e && !e.error) {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-peers-'));
      const positives = path.join(tmp, 'tr-movies.positive.tsv');
      try {
        fs.writeFileSync(positives, data.movies.filter((it) => it.label === 'positive')
          .map((it) => `${it.label}\t${it.text}\n`).join(''));
        log('earshot eval (tr-movies positives) --task recall');
        eFalse = runEarshot(earshotBin, positives, 'recall');
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    }
    rows.push(earshotRow(e, 4, (f) => [pct1(f.complaint_share),
      eFalse && eFalse.figures ? pct1(eFalse.figures.complaint_share) : dash, earshotRate(f)]));
    for (const key of using(['multilangTr', 'nlpjsTr'])) {
      const tool = tools[key];
      const r = await run(tool, items);
      rows.push([tool.name, pct1(share(r.values.map((s) => s < 0))), pct1(falseAlarms[key]), rate(r.itemsPerSecond)]);
    }
    sections.push(`### TR complaint titles: recall (tr-sikayetvar, ${count(items)} items, all complaints)\n\n`
      + 'Peers: share scored negative (score < 0); earshot: share classified `complaint`. '
      + 'False alarms: the same on the tr-movies positives.\n\n'
      + mdTable(['tool', 'called complaint / scored negative', 'false alarms (tr-movies positives)', 'items/s'], rows));
  }

  // The eval folder relative to the repository when it is the usual sibling.
  const rel = path.relative(repoRoot, evalDir);
  const shownEvalDir = rel.startsWith(`..${path.sep}..`) || path.isAbsolute(rel) ? evalDir : rel;
  const header = [
    '## Peer benchmark',
    '',
    `Evaluation files: \`${shownEvalDir}\` (development splits). `
      + `Node ${process.version} on ${os.cpus()[0]?.model?.trim() || 'unknown CPU'}; `
      + 'items/s: one thread, scoring loop only (loading and one warm-up call excluded). '
      + "earshot's figures come from `earshot eval` (its own timing)."
      + (skipped.size ? ` Left out of this run (--skip): ${[...skipped].join(', ')}.` : ''),
  ].join('\n');
  const report = `${[header, ...sections].join('\n\n')}\n`;
  process.stdout.write(report);
  if (args.out) {
    fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
    fs.writeFileSync(args.out, report);
    log(`written to ${args.out}`);
  }
}

main().catch((err) => {
  process.stderr.write(`peers: ${err.stack || err}\n`);
  process.exit(1);
});
