// The command lines as a person runs them: child processes on files, exit codes, stdout, stderr.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RACE = 'src/scenarios/race-8.1-vma-adjust-vs-migration.json';
const TMP = mkdtempSync(join(tmpdir(), 'anon-vma-cli-'));
const OPTS = { timeout: 60_000 };
const FORMAT = 'anon-vma-forest/scenario@1';
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: 'replay' | 'explore', args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ANON_VMA_DEBUG: '' };
    const p = spawn(process.execPath, ['--import', 'tsx', `src/cli/${cmd}.ts`, ...args], {
      cwd: ROOT,
      env,
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function tmpFile(name: string, content: unknown): string {
  const path = join(TMP, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const scenario = (ops: unknown[]) => ({ format: FORMAT, title: 'cli test', era: '6.1', ops });

const SPAWN = { op: 'spawn', pid: 'P' };
const SEGV = /op 1 \(touch\): no VMA covers address 5.*\(op 1, field "addr"\)/;
const UNKNOWN_OP = /op 1: unknown op "frob".*\(op 1, field "op"\)/;
type Violations = { violations: { kind: string }[] };
const FORK = scenario([
  SPAWN,
  { op: 'mmap', pid: 'P', addr: 0, pages: 4 },
  { op: 'touch', pid: 'P', addr: 0, write: true },
  { op: 'fork', pid: 'P', child: 'C' },
  { op: 'touch', pid: 'C', addr: 0, write: true },
]);

const raceWith = (schedule: number[]) => {
  const sc = JSON.parse(readFileSync(join(ROOT, RACE), 'utf8')) as { ops: { op: string }[] };
  const par = sc.ops.find((o) => o.op === 'parallel') as { schedule?: number[] };
  par.schedule = schedule;
  return sc;
};

describe.concurrent('npm run replay', () => {
  it('--json --check on a clean fork', OPTS, async ({ expect }) => {
    const r = await run('replay', [tmpFile('fork.json', FORK), '--json', '--check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { forest: { format: string }; violations: unknown[] };
    expect(Object.keys(out)).toEqual(['forest', 'violations']);
    expect(out.forest.format).toBe('anon-vma-forest/forest@1');
    expect(out.violations).toEqual([]);
  });

  it('prints the forest of a fork for a person', OPTS, async ({ expect }) => {
    const r = await run('replay', [tmpFile('fork-text.json', FORK)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('era 6.1');
    expect(r.stdout).toMatch(/\[0,4\)\s+anon_vma=av1 {2}chain: av1 → av0\(root\)/);
    expect(r.stdout).toContain('P: 0→av0\n  C: 0→av1\n');
    expect(r.stdout.trimEnd().endsWith('no violations')).toBe(true);
  });

  it('the fork1 recording replays to exactly the recorded forest', OPTS, async ({ expect }) => {
    const r = await run('replay', ['fixtures/linux-6.1/fork1.scenario.json', '--json']);
    expect(r.code).toBe(0);
    const want: unknown = JSON.parse(
      readFileSync(join(ROOT, 'fixtures/linux-6.1/fork1.forest.json'), 'utf8'),
    );
    const got = JSON.parse(r.stdout) as { forest: unknown };
    expect(JSON.stringify(got.forest)).toBe(JSON.stringify(want));
  });

  // Linux 6.12 recordings through the command line (fixtures.test.ts replays every one of them
  // in-process, the same replay and forest). The recordings leave out the anon_vma of a VMA that
  // never faulted, where the model prints null.
  for (const file of ['linux-6.12/fork_chain3', 'linux-6.12-newops/mremap_whole_forked']) {
    it(`${file} replays with --era 6.12 to the recorded forest`, OPTS, async ({ expect }) => {
      const r = await run('replay', [`fixtures/${file}.scenario.json`, '--era', '6.12', '--json']);
      expect(r.code).toBe(0);
      const got = JSON.parse(r.stdout) as { forest: unknown; violations: unknown[] };
      expect(got.violations).toEqual([]);
      const want = readFileSync(join(ROOT, 'fixtures', `${file}.forest.json`), 'utf8');
      const asRecorded = JSON.stringify(got.forest, (k, v: unknown) =>
        k === 'anon_vma' && v === null ? undefined : v,
      );
      expect(asRecorded).toBe(JSON.stringify(JSON.parse(want)));
    });
  }

  it('--check exits 1 on the 8.1 race under 2.6.34', OPTS, async ({ expect }) => {
    const r = await run('replay', [RACE, '--check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('era 2.6.34');
    expect(r.stdout).toMatch(/step \d+ {2}rmap-miss/);
    expect(r.stdout).toContain('22→av0 M');
  });

  it('--era 2.6.36 fixes the 8.1 race', OPTS, async ({ expect }) => {
    const r = await run('replay', [RACE, '--check', '--era', '2.6.36']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('era 2.6.36');
    expect(r.stdout).toContain('no violations');
  });

  it('--flag shows in the header; a deadlock stops', OPTS, async ({ expect }) => {
    const sc = { ...FORK, era: '2.6.36', ops: [...FORK.ops, { op: 'take_all_locks', pid: 'C' }] };
    const r = await run('replay', [tmpFile('dl.json', sc), '--flag', 'allLocksMarkRoot=false']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('flags: allLocksMarkRoot=false');
    expect(r.stdout).toMatch(/stopped: deadlock at step \d+/);
    expect(r.stdout).toMatch(/deadlock {2}no CPU can move/);
  });

  const file = (name: string, op: unknown) => () => [tmpFile(name, scenario([SPAWN, op]))];
  const bad: [string, () => string[], RegExp][] = [
    ['malformed JSON', () => [tmpFile('bad.json', '{"format": ')], /malformed JSON/],
    ['an unknown op', file('op.json', { op: 'frob' }), UNKNOWN_OP],
    ['a touch outside any VMA', file('segv.json', { op: 'touch', pid: 'P', addr: 5 }), SEGV],
    ['an unknown pid', file('pid.json', { op: 'exit', pid: 'Q' }), /process "Q" does not exist/],
    ['a bad --flag value', () => [RACE, '--flag', 'pinRoot=maybe'], /pinRoot must be true or/],
    ['an unknown --flag', () => [RACE, '--flag=pinroot=true'], /unknown flag "pinroot"/],
    ['an unknown --era', () => [RACE, '--era', '9.9'], /unknown era "9\.9"/],
    ['an unknown option', () => [RACE, '--bogus'], /unknown option "--bogus"/],
    ['a missing file', () => [join(TMP, 'nope.json')], /cannot read .*nope\.json: ENOENT/],
    ['no file', () => ['--json'], /expected one scenario file/],
  ];
  for (const [what, args, message] of bad) {
    it(`exits 2 on ${what}, without a stack trace`, OPTS, async ({ expect }) => {
      const r = await run('replay', args());
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toContain('    at ');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  }
});

describe.concurrent('npm run explore', () => {
  it('breaks the 8.1 race; its schedule replays', OPTS, async ({ expect }) => {
    const [json, text] = await Promise.all([
      run('explore', [RACE, '--json']),
      run('explore', [RACE]),
    ]);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as Violations & { schedule: number[]; complete: boolean };
    // Contract: these three first; the rest says how far the search went
    expect(Object.keys(out).slice(0, 3)).toEqual(['explored', 'violations', 'schedule']);
    expect(out).toMatchObject({ complete: true, shortest: true, reduction: 'dpor' });
    expect(out.violations.length).toBeGreaterThan(0);
    expect(out.schedule.length).toBeGreaterThan(0);

    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/explored \d+ states, \d+ class(es)? of interleavings/);
    expect(text.stdout).toContain('the shortest schedule that breaks it');
    const line = text.stdout.split('\n').find((l) => l.startsWith('"schedule": '));
    const pasted = (JSON.parse(`{${line}}`) as { schedule: number[] }).schedule;
    expect(pasted).toEqual(out.schedule);

    const r = await run('replay', [tmpFile('pasted.json', raceWith(pasted)), '--json', '--check']);
    expect(r.code).toBe(1);
    const kinds = (JSON.parse(r.stdout) as Violations).violations.map((v) => v.kind);
    expect(kinds).toContain(out.violations[0]!.kind);
  });

  it('finds nothing in the 8.1 race under 2.6.36', OPTS, async ({ expect }) => {
    const [json, text, cut, cutJson, full] = await Promise.all([
      run('explore', [RACE, '--json', '--era', '2.6.36']),
      run('explore', [RACE, '--era=2.6.36']),
      run('explore', [RACE, '--era=2.6.36', '--max-states', '5']),
      run('explore', [RACE, '--era=2.6.36', '--max-states=5', '--json']),
      run('explore', [RACE, '--era=2.6.36', '--full']),
    ]);
    expect(cut.stdout).toMatch(
      /no violation in the first 5 states, .*: the search stopped because it reached --max-states 5 \(raise it to go on\)/,
    );
    expect(JSON.parse(cutJson.stdout)).toMatchObject({ complete: false, stoppedBy: 'max-states' });
    // piped stderr still says it was cut short
    expect(cutJson.stderr).toMatch(/^explore: no violation in the first 5 states/);
    expect(full.stdout).toContain('searched with full breadth-first search');
    expect(full.stdout).toMatch(/no violation in any interleaving/);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { explored: number; violations: []; schedule: [] };
    expect(out.schedule).toEqual([]);
    expect(out.violations).toEqual([]);
    expect(out.explored).toBeGreaterThan(0);
    expect(text.stdout).toMatch(
      /no violation in any class of interleavings \(the search went to its end\)/,
    );
  });

  it('bounded by preemptions, the search says it is incomplete', OPTS, async ({ expect }) => {
    const [text, json] = await Promise.all([
      run('explore', [RACE, '--era=2.6.36', '--preemptions', '1']),
      run('explore', [RACE, '--era=2.6.36', '--preemptions=0', '--json']),
    ]);
    expect(text.stdout).toContain('no violation in the interleavings with at most 1 preemption');
    expect(text.stdout).toContain('incomplete by design');
    expect(JSON.parse(json.stdout)).toMatchObject({ complete: false, bounded: { preemptions: 0 } });
  });

  it(
    'a search too big for its bounds stops within them and says how far it got',
    OPTS,
    async ({ expect }) => {
      const [text, json] = await Promise.all([
        run('explore', ['bench/explore/4cpu-4ops.json', '--max-seconds', '4']),
        run('explore', ['bench/explore/4cpu-4ops.json', '--max-seconds', '1', '--json']),
      ]);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(
        /no violation in the first [\d,]+ states, [\d,]+ class(es)? of interleavings, .*--max-seconds 4/,
      );
      const out = JSON.parse(json.stdout) as { ms: number; explored: number; stoppedBy: string };
      expect(out.stoppedBy).toBe('max-seconds');
      expect(out.explored).toBeGreaterThan(0);
      // the bound is checked every few dozen steps: it stops within a fraction of a second of it
      expect(out.ms).toBeLessThan(2500);
      // progress goes to stderr even when piped
      expect(text.stderr).toMatch(/^explore: [\d.]+ s: [\d,]+ states/m);
    },
  );

  it('exits 2 on a bad file and refuses --check; --help', OPTS, async ({ expect }) => {
    const [badFile, check, help, badBound] = await Promise.all([
      run('explore', [tmpFile('xbad.json', '[1, 2')]),
      run('explore', [RACE, '--check']),
      run('explore', ['--help']),
      run('explore', [RACE, '--max-seconds', '0']),
    ]);
    expect(help.stdout).toContain('--max-seconds S');
    expect(help.stdout).toContain('--preemptions N');
    expect(badBound.code).toBe(2);
    expect(badBound.stderr).toContain('--max-seconds must be a whole number from 1');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run explore -- FILE\.json/);
    for (const r of [badFile, check, badBound]) {
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain('    at ');
    }
    expect(badFile.stderr).toContain('malformed JSON');
    expect(check.stderr).toContain('unknown option "--check"');
  });
});
