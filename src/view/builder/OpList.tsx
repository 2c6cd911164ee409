// The scenario's ops so far, newest last, folded away until asked for. A big scenario's list (a
// 2,003-op chain) is made only once unfolded: thousands of items inserted while it opens cost the
// page's hand-over a long task for a list nobody sees yet.
import { useState } from 'react';
import type { Scenario } from '../../kernel';
import { BIG_SCENARIO_OPS } from '../../session/bigScenario';
import { describeOp } from './describeOp';

export function OpList({ scenario }: { scenario: Scenario }) {
  const n = scenario.ops.length;
  const [open, setOpen] = useState(false);
  const listed = open || n <= BIG_SCENARIO_OPS;
  return (
    <details
      className="op-list"
      data-testid="builder-ops"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>{`${n} op${n === 1 ? '' : 's'} in “${scenario.title}”`}</summary>
      {n === 0 ? (
        <p className="builder-note">No op yet: start with Spawn.</p>
      ) : (
        listed && (
          <ol start={0} tabIndex={0} aria-label="Ops, numbered as in the file">
            {scenario.ops.map((op, i) => (
              <li key={i}>{describeOp(op)}</li>
            ))}
          </ol>
        )
      )}
    </details>
  );
}
