import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { replay } from '../../kernel';
import type { Scenario } from '../../kernel';
import { Playback } from '../playback/playback';
import { playbackActor } from '../playback/testActor';
import { Lecture, LectureCaption } from './Lecture';

const hostile: Scenario = {
  format: 'anon-vma-forest/scenario@1',
  title: 'Hostile',
  era: '6.1',
  ops: [{ op: 'spawn', pid: 'P' }],
  narration: [{ op: 0, text: '<script>window.__pwned=2</script> **bold**' }],
};
const trace = replay(hostile);

const render = (cursor: number) =>
  renderToStaticMarkup(
    <Playback.Provider value={playbackActor(trace, cursor)}>
      <Lecture scenario={hostile} opStarts={trace.opStarts} />
    </Playback.Provider>,
  );

describe('Lecture', () => {
  it('shows nothing while lecture mode is off (the store starts with it off)', () => {
    expect(render(1)).toBe('');
  });
  it('captions the narration as text', () => {
    const html = renderToStaticMarkup(
      <LectureCaption
        scenario={hostile}
        opStarts={trace.opStarts}
        total={trace.steps.length}
        cursor={1}
      />,
    );
    expect(html).toContain('data-testid="lecture-caption"');
    expect(html).toContain('&lt;script&gt;window.__pwned=2&lt;/script&gt;');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toContain('<script');
  });
});
