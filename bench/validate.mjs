// Validation time of generated routines of 1,000 and 10,000 nodes (issue 2, "Figures"): the
// routines are built in memory as YAML text, shaped like real ones, and validated through the
// compiled loader and checker in dist/. Run with `npm run bench` (which builds first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadRoutine } from '../dist/routine/load.js';
import { parseYaml } from '../dist/routine/source.js';

const FILE = '/bench/generated.yaml';
const TODAY = '2026-11-28';

const REFERENCES = new Map([
  ['osl-10-21', { law: { sv: '10 kap. 21 § OSL', en: 'Ch. 10 s. 21 OSL' }, title: { sv: 'Sekretess', en: 'Secrecy' }, valid_from: '2009-06-30' }],
  ['sol-anmalan', { law: { sv: '15 kap. 1 § SoL', en: 'Ch. 15 s. 1 SoL' }, title: { sv: 'Anmälan', en: 'Report' }, valid_from: '2025-07-01' }],
]);

const text = (sv, en) => `{ sv: ${sv}, en: ${en} }`;

/**
 * A routine of about `target` nodes, in blocks of six shaped like a real routine's sections: a
 * number question, a yes/no question, a choice question with an early end, a step that records
 * when the police were called, and a decision on legal grounds whose checklist items have
 * deadlines. Conditions test answers given earlier in the block and in the block before. Every
 * node is reachable and can reach an end. The texts are short so that 10,000 nodes stay under the
 * 2 MB file limit (a real routine has longer texts and far fewer nodes).
 */
export function generateRoutine(target) {
  const blocks = Math.max(1, Math.floor((target - 1) / 6));
  const out = [];
  const items = [];
  out.push(
    'id: genererad',
    'version: 1',
    `title: ${text('Genererad rutin', 'Generated routine')}`,
    `description: ${text('För mätning av valideringstid.', 'For measuring validation time.')}`,
    'reviewed: 2026-11-01',
    'review_by: 2027-06-30',
    'approved_by: Bench',
    'changelog:',
    `  - { version: 1, date: 2026-11-01, text: ${text('Första.', 'First.')} }`,
    'start: n0',
    'nodes:',
  );
  for (let i = 0; i < blocks; i++) {
    const next = i + 1 < blocks ? `n${i + 1}` : 'slut';
    const earlier = i > 0 ? `, { not: { q: q${i - 1}, eq: yes } }` : '';
    out.push(
      `  n${i}:`,
      `    question: ${text('Antal?', 'How many?')}`,
      '    type: number',
      `    next: q${i}`,
      `  q${i}:`,
      `    question: ${text('Under 18?', 'Under 18?')}`,
      '    type: yesno',
      `    on: { yes: s${i}, no: c${i} }`,
      `  c${i}:`,
      `    question: ${text('Kontakt?', 'Contact?')}`,
      '    type: choice',
      `    options: [{ id: polis, label: ${text('Polis', 'Police')} }, { id: inget, label: ${text('Ingen', 'No one')} }]`,
      `    on: { inget: e${i} }`,
      `    branches: [{ when: { all: [{ q: q${i}, in: [no] }, { q: n${i}, gte: 2 }${earlier}] }, next: d${i} }]`,
      `    next: s${i}`,
      `  s${i}:`,
      `    step: ${text('Ring polis', 'Call police')}`,
      '    ref: osl-10-21',
      `    record: [{ id: tid, label: ${text('När', 'When')}, type: datetime }]`,
      `    checklist: [f${i}]`,
      `    next: d${i}`,
      `  d${i}:`,
      `    decision: ${text('Beslut', 'Decision')}`,
      '    ref: sol-anmalan',
      `    grounds: [{ id: hem, label: ${text('Hemmet', 'Home')} }]`,
      `    checklist: [u${i}]`,
      `    branches: [{ when: { q: n${i}, gt: 10 }, next: ${next} }]`,
      `    next: ${next}`,
      `  e${i}:`,
      `    end: ${text('Avslut', 'Closed')}`,
    );
    items.push(
      `  f${i}: { text: ${text('Ring 112', 'Call 112')}, owner: emergency_service, urgency: now, due: { days: 1, from: s${i}.tid } }`,
      `  u${i}: { text: ${text('Underställ', 'Submit')}, owner: district, urgency: later, due: { weeks: 1, from: d${i}.decided_at } }`,
    );
  }
  out.push('  slut:', `    end: ${text('Klart', 'Done')}`, 'checklist:', ...items, '');
  return { yaml: out.join('\n'), nodes: blocks * 6 + 1 };
}

function validate(bytes) {
  return loadRoutine(FILE, { readFile: (f) => (f === FILE ? bytes : undefined), references: REFERENCES, today: TODAY });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (ns) => Number(ns) / 1e6;
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

/** Median time in ms of `runs` validations, after one warm-up; checks that the routine is valid. */
function measure(target, runs, peak) {
  const { yaml, nodes } = generateRoutine(target);
  const bytes = Buffer.from(yaml);
  const first = validate(bytes);
  const bad = first.diagnostics.filter((d) => d.severity !== 'info');
  if (!first.routine || bad.length > 0) {
    throw new Error(`generated routine of ${nodes} nodes is not valid: ${bad.slice(0, 5).map((d) => `${d.line}:${d.col} ${d.code}`).join(', ')}`);
  }
  if (first.routine.nodes.size !== nodes) throw new Error(`expected ${nodes} nodes, compiled ${first.routine.nodes.size}`);
  const times = [];
  const cpuTimes = [];
  const parseTimes = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const r = validate(bytes);
    times.push(ms(process.hrtime.bigint() - t0));
    const c = process.cpuUsage(c0);
    cpuTimes.push((c.user + c.system) / 1000);
    peak.heap = Math.max(peak.heap, process.memoryUsage().heapUsed);
    peak.rss = Math.max(peak.rss, process.memoryUsage().rss);
    if (!r.routine) throw new Error('validation failed on a repeat run');
    // The share of the YAML library: parsing alone, with positions, as the loader does it.
    const p0 = process.hrtime.bigint();
    parseYaml(yaml, FILE);
    parseTimes.push(ms(process.hrtime.bigint() - p0));
  }
  return {
    nodes,
    bytes: bytes.length,
    median: median(times),
    cpu: median(cpuTimes),
    parse: median(parseTimes),
    min: Math.min(...times),
    max: Math.max(...times),
    runs,
  };
}

/**
 * Peak resident memory of `jour-routine validate FILE` on the generated 10,000-node routine, in a
 * process of its own (as a routine owner runs it): the in-process figures above share their heap
 * with every earlier run.
 */
function validatePeakRss() {
  const dir = mkdtempSync(join(tmpdir(), 'jr-bench-rss-'));
  try {
    const file = join(dir, 'genererad.yaml');
    writeFileSync(file, generateRoutine(10_000).yaml);
    const cli = pathToFileURL(resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js')).href;
    const code = `process.on('exit', () => process.stderr.write('\\nmaxrss=' + process.resourceUsage().maxRSS + '\\n'));
      const { main } = await import(${JSON.stringify(cli)}); await main(['node', 'jour-routine', 'validate', ${JSON.stringify(file)}]);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const kb = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1]);
    if (r.status !== 0 || !kb) throw new Error(`validate of the 10,000-node routine exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    return kb * 1024;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function bench() {
  const separate = validatePeakRss();
  const peak = { heap: 0, rss: 0 };
  const small = measure(1_000, 11, peak);
  const large = measure(10_000, 5, peak);
  const ratio = large.median / small.median;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const line = (r) =>
    `validate ${String(r.nodes).padStart(6)} nodes (${(r.bytes / 1024).toFixed(0)} KB YAML): median ${r.median.toFixed(1)} ms over ${r.runs} runs (min ${r.min.toFixed(1)}, max ${r.max.toFixed(1)}); CPU ${r.cpu.toFixed(1)} ms; YAML parsing alone ${r.parse.toFixed(1)} ms`;
  return [
    `machine: ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)} at the end (other processes inflate the wall-clock times; CPU time is steadier)`,
    line(small),
    line(large),
    `ratio 10,000 / 1,000 nodes: ${ratio.toFixed(2)} wall clock, ${(large.cpu / small.cpu).toFixed(2)} CPU (target: at most 15)`,
    `10,000 nodes under one second: ${large.median < 1000 ? 'yes' : 'NO'} (${large.median.toFixed(0)} ms)`,
    `peak memory: rss ${mb(Math.max(maxRss, peak.rss))} MB (process maximum), heap used ${mb(peak.heap)} MB (max sampled after each run)`,
    `peak memory of \`jour-routine validate\` on the 10,000-node file, a process of its own: rss ${mb(separate)} MB (target: under 200 MB)`,
  ];
}
