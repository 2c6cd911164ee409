import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TimelineMarks } from './TimelineMarks';
import type { TimelineMarkers } from './timelineMarkers';

const markers: TimelineMarkers = {
  total: 40,
  ops: [
    { pos: 1, op: 0, name: 'spawn', label: 'op 0: spawn P' },
    { pos: 10, op: 1, name: 'fork', label: 'op 1: fork P→C' },
  ],
  locks: [
    { pos: 12, cpu: 0, owner: 'av0', mode: 'w' },
    { pos: 14, cpu: 1, owner: 'av0', mode: 'r' },
  ],
  violations: [{ pos: 30, kind: 'rmap-miss', message: 'missed P:10' }],
};

describe('TimelineMarks', () => {
  const html = renderToStaticMarkup(
    <svg>
      <TimelineMarks markers={markers} width={600} />
    </svg>,
  );
  it('draws op, lock and violation markers with the page contract attributes', () => {
    expect(html.match(/data-kind="op-marker"/g)).toHaveLength(2);
    expect(html).toContain('op 1: fork P→C (step 10)');
    expect(html.match(/data-kind="lock-marker"/g)).toHaveLength(2);
    expect(html).toContain('data-cpu="cpu1"');
    expect(html).toContain('cpu1 (triangle) takes av0 for reading');
    expect(html).toContain('data-kind="violation-marker"');
    expect(html).toContain('data-violation-kind="rmap-miss"');
    expect(html).toContain('data-step="30"');
  });
});
