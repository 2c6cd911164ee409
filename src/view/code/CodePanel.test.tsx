import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { replay } from '../../kernel';
import { builtinScenarios } from '../../scenarios';
import { callContext } from './callContext';
import { CodePanel } from './CodePanel';

const tour = builtinScenarios.find((b) => b.id === 'fork-and-cow')!.scenario;

function render(era: '6.1' | '2.6.34' | '2.6.33', pick: (fn: string) => boolean) {
  const r = replay(tour, { era });
  const cursor = r.steps.findIndex((s) => pick(s.fn)) + 1;
  expect(cursor).toBeGreaterThan(0);
  const html = renderToStaticMarkup(
    <CodePanel steps={r.steps} cursor={cursor} scenario={tour} era={era} flags={r.flags} />,
  );
  return { html, step: r.steps[cursor - 1]! };
}

describe('CodePanel', () => {
  it('shows the function, its pseudo-code with the step’s line current, and the 6.1 source', () => {
    const { html, step } = render('6.1', (fn) => fn === 'anon_vma_fork');
    expect(html).toContain('data-testid="code-panel"');
    expect(html).toContain(`${step.fn}()`);
    const current = /<li[^>]*aria-current="step"[^>]*>/g.exec(html);
    expect(current?.[0]).toContain(`data-line="${step.line}"`);
    expect(html.match(/aria-current="step"/g)).toHaveLength(1);
    expect(html).toContain(
      'href="https://elixir.bootlin.com/linux/v6.1.192/source/mm/rmap.c#L337"',
    );
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('mm/rmap.c:337');
  });

  it('links the era’s tag without a line where none was verified', () => {
    const { html } = render('2.6.34', (fn) => fn === 'anon_vma_fork');
    expect(html).toContain('href="https://elixir.bootlin.com/linux/v2.6.34/source/mm/rmap.c"');
    expect(html).toContain('the line was not read here for this version');
    expect(html).toContain('/C/ident/');
    expect(html).toContain('source at 2.6.34');
  });

  it('gives the kernel’s own name when it differs from the model’s', () => {
    const { html } = render('2.6.34', (fn) => fn === '__anon_vma_prepare');
    expect(html).toContain('<code>anon_vma_prepare</code>');
  });

  it('shows the operation the step belongs to and the functions run before it', () => {
    const { html } = render('6.1', (fn) => fn === 'anon_vma_clone');
    expect(html).toMatch(/op \d+: fork P→C/);
    expect(html).toContain('<code>dup_mmap</code>');
  });

  it('shows only the era’s code paths', () => {
    const batched = render('6.1', (fn) => fn === 'anon_vma_chain_link').html;
    expect(batched).toContain('data-line="link"');
    expect(batched).not.toContain('data-line="same-vma"');
    const perEntry = render('2.6.34', (fn) => fn === 'anon_vma_chain_link').html;
    expect(perEntry).toContain('data-line="same-vma"');
    expect(perEntry).not.toContain('data-line="link"');
  });

  it('renders step texts as text', () => {
    const r = replay(tour, { era: '6.1' });
    const steps = [{ ...r.steps[0]!, fn: '<img src=x onerror=alert(1)>' }];
    const html = renderToStaticMarkup(
      <CodePanel steps={steps} cursor={1} scenario={tour} era="6.1" flags={r.flags} />,
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('No pseudo-code for');
  });

  it('has a placeholder before the first step', () => {
    const r = replay(tour, { era: '6.1' });
    const html = renderToStaticMarkup(
      <CodePanel steps={r.steps} cursor={0} scenario={tour} era="6.1" flags={r.flags} />,
    );
    expect(html).toContain('Step forward');
    expect(html).not.toContain('aria-current');
  });
});

describe('callContext', () => {
  it('names the thread’s op inside a parallel block', () => {
    const race = builtinScenarios.find((b) => b.scenario.ops.some((o) => o.op === 'parallel'))!;
    const r = replay(race.scenario);
    const i = r.steps.findIndex((s) => s.threadOp !== undefined);
    expect(callContext(race.scenario, r.steps, i).op).toMatch(/parallel .* — cpu\d runs /);
  });
});
