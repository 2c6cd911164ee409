import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Violation } from '../../kernel';
import { Playback } from '../playback/playback';
import { playbackActor } from '../playback/testActor';
import { currentViolations, ViolationBanner } from './ViolationBanner';

const v = (step: number, kind: Violation['kind']): Violation => ({
  step,
  kind,
  message: `${kind} at ${step}`,
  objects: ['av0', 'P:10'],
});
const list = [v(5, 'rmap-miss'), v(5, 'unlocked-write'), v(9, 'migration-entry-left')];

const render = (cursor: number) =>
  renderToStaticMarkup(
    <Playback.Provider value={playbackActor(null)}>
      <ViolationBanner violations={list} cursor={cursor} />
    </Playback.Provider>,
  );

describe('ViolationBanner', () => {
  it('shows the violations of the latest step at or before the cursor', () => {
    expect(currentViolations(list, 4)).toEqual([]);
    expect(currentViolations(list, 5).map((x) => x.kind)).toEqual(['rmap-miss', 'unlocked-write']);
    expect(currentViolations(list, 11).map((x) => x.kind)).toEqual(['migration-entry-left']);
  });

  it('says nothing before the first violation', () => {
    expect(render(4)).toBe('');
  });

  it('is an alert with the kind, an explanation, the message, the objects and jumps', () => {
    const html = render(5);
    expect(html).toContain('role="alert"');
    expect(html).toContain('data-kind="violation-banner"');
    expect(html).toContain('data-violation-kind="rmap-miss"');
    expect(html).toContain('Reverse map missed a mapping');
    expect(html).toContain('rmap-miss at 5');
    expect(html).toContain('<code data-object="P:10">P:10</code>');
    expect(html).toContain('Next violation: step 9');
    expect(html).not.toContain('Jump to step 5');
    expect(render(7)).toContain('Jump to step 5');
  });
});
