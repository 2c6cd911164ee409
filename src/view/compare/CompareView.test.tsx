import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { replay } from '../../kernel';
import { builtinScenarios } from '../../scenarios';
import { Playback } from '../playback/playback';
import { playbackActor } from '../playback/testActor';
import { CompareView } from './CompareView';

const scenario = builtinScenarios.find((b) => b.id === 'race-8.1')!.scenario;
const trace = replay(scenario);

const render = (cursor: number) =>
  renderToStaticMarkup(
    <Playback.Provider value={playbackActor(trace, cursor)}>
      <CompareView scenarioId="race-8.1" scenario={scenario} era="2.6.34" trace={trace} />
    </Playback.Provider>,
  );

const paneOf = (html: string, side: string) => html.slice(html.indexOf(`data-pane="${side}"`));

describe('CompareView', () => {
  it('puts 2.6.34 beside 2.6.36 and says where they part', () => {
    const html = render(trace.steps.length);
    expect(html).toMatch(/First difference at step \d+\./);
    expect(html.match(/data-pane="(left|right)"/g)).toEqual([
      'data-pane="left"',
      'data-pane="right"',
    ]);
    const right = paneOf(html, 'right');
    const left = html.slice(0, html.indexOf('data-pane="right"'));
    expect(left).toContain('data-kind-violation="migration-entry-left"');
    expect(right).not.toContain('data-kind-violation');
    expect(right).toContain('No violation so far');
    expect(right).toMatch(/<option value="2\.6\.36" [^>]*selected/);
  });
  it('drives the right pane from the one cursor', () => {
    const html = render(2);
    expect(html.match(/aria-valuenow="2"/g)).toHaveLength(2);
  });
});
