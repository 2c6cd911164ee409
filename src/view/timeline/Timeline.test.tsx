import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../kernel';
import { builtinScenarios } from '../../scenarios';
import { releaseFirstScreen } from '../page/painted';
import { Playback } from '../playback/playback';
import { playbackActor } from '../playback/testActor';
import { Timeline } from './Timeline';

const scenario = builtinScenarios.find((b) => b.id === 'race-8.1')!.scenario;
const trace = replay(scenario);

describe('Timeline', () => {
  // the slider's drawing waits for the page's first paint, which a static render never has
  beforeAll(releaseFirstScreen);

  it('is a slider over the micro-steps that names the op at the cursor', () => {
    const total = trace.steps.length;
    const at = trace.opStarts[3]! + 1;
    const html = renderToStaticMarkup(
      <Playback.Provider value={playbackActor(trace, at)}>
        <Timeline trace={trace} cursor={at} ops={scenario.ops} />
      </Playback.Provider>,
    );
    expect(html).toContain('role="slider"');
    expect(html).toContain(`aria-valuemax="${total}"`);
    expect(html).toContain(`aria-valuenow="${at}"`);
    expect(html).toContain(`aria-valuetext="step ${at} of ${total}, op 3: write P @22"`);
    expect(html).toContain('2 violations');
  });
});
