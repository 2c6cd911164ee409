// The builder's panels as static markup (environment node): names, states and reasons are there.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FLAG_NAMES } from '../../kernel';
import type { ScenarioOp } from '../../kernel';
import { patchFor } from '../../patches/patches';
import { emptyScenario, withOp } from '../../session/edit';
import { createSession } from '../../session/session';
import { BuilderPanel } from './BuilderPanel';
import { FlagRow } from './FlagRow';
import { FlagsPanel } from './FlagsPanel';

function sessionOf(ops: ScenarioOp[]) {
  return createSession('custom', ops.reduce(withOp, emptyScenario('2.6.36')), null);
}

describe('BuilderPanel', () => {
  it('explains disabled ops on an empty scenario and offers spawn', () => {
    const html = renderToStaticMarkup(<BuilderPanel session={sessionOf([])} />);
    expect(html).toContain('data-testid="builder"');
    expect(html).toMatch(/data-testid="op-spawn" aria-disabled="false"/);
    expect(html).toMatch(
      /data-testid="op-fork" aria-disabled="true" title="Fork: spawn a process first"/,
    );
    expect(html).toMatch(/data-testid="builder-download" aria-disabled="true"/);
  });

  it('acts on the newest process once there is one', () => {
    const html = renderToStaticMarkup(
      <BuilderPanel
        session={sessionOf([
          { op: 'spawn', pid: 'P' },
          { op: 'mmap', pid: 'P', addr: 0, pages: 4 },
        ])}
      />,
    );
    expect(html).toMatch(/data-testid="op-write" aria-disabled="false" title="write fault at P:0/);
    expect(html).toContain('2 ops in “My forest”');
  });
});

describe('FlagsPanel', () => {
  it('lists every flag with a control and its era value', () => {
    const html = renderToStaticMarkup(
      <FlagsPanel session={sessionOf([{ op: 'spawn', pid: 'P' }])} />,
    );
    for (const flag of FLAG_NAMES) {
      expect(html).toContain(`data-testid="flag-${flag}"`);
      expect(html).toContain(`id="flag-input-${flag}"`);
    }
    expect(html).toContain('pin the root with a refcount');
    expect(html).toContain(
      'https://lore.kernel.org/all/20100512133815.0d048a86@annuminas.surriel.com/',
    );
  });

  it('marks a changed flag and offers a reset', () => {
    const patch = patchFor('pinRoot');
    if (!patch) throw new Error('no patch');
    const row = (changed: boolean) =>
      renderToStaticMarkup(
        <FlagRow
          patch={patch}
          value={!changed}
          eraValue
          eraLabel="2.6.36"
          changed={changed}
          onChange={() => {}}
          onReset={() => {}}
        />,
      );
    expect(row(true)).toContain('changed to off');
    expect(row(true)).toContain('Reset');
    expect(row(false)).not.toContain('changed to');
    expect(row(false)).toContain('in 2.6.36: on');
  });
});
