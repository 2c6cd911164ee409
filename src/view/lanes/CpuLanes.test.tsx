import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { replay } from '../../kernel';
import { builtinScenarios } from '../../scenarios';
import { Playback } from '../playback/playback';
import { playbackActor } from '../playback/testActor';
import { CpuLanes } from './CpuLanes';

const scenario = builtinScenarios.find((b) => b.id === 'race-8.1')!.scenario;
const trace = replay(scenario);

const render = (cursor: number) =>
  renderToStaticMarkup(
    <Playback.Provider value={playbackActor(trace, cursor)}>
      <CpuLanes trace={trace} ops={scenario.ops} view={trace.stateAt(cursor)} cursor={cursor} />
    </Playback.Provider>,
  );

describe('CpuLanes', () => {
  it('draws a lane per CPU of the parallel block', () => {
    const html = render(trace.steps.length);
    expect(html.match(/data-kind="cpu-lane"/g)).toHaveLength(2);
    expect(html).toContain('data-cpu="cpu0"');
    expect(html).toContain('data-cpu="cpu1"');
    expect(html).toContain('Choose the next CPU');
  });

  it('draws nothing for a scenario without a parallel block', () => {
    const plain = builtinScenarios.find((b) => b.id === 'fork-and-cow')!.scenario;
    const t = replay(plain);
    const html = renderToStaticMarkup(
      <Playback.Provider value={playbackActor(t)}>
        <CpuLanes trace={t} ops={plain.ops} view={t.stateAt(0)} cursor={0} />
      </Playback.Provider>,
    );
    expect(html).toBe('');
  });
});
