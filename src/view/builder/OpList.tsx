// The scenario's ops so far, newest last, folded away until asked for.
import type { Scenario } from '../../kernel';
import { describeOp } from './describeOp';

export function OpList({ scenario }: { scenario: Scenario }) {
  const n = scenario.ops.length;
  return (
    <details className="op-list" data-testid="builder-ops">
      <summary>{`${n} op${n === 1 ? '' : 's'} in “${scenario.title}”`}</summary>
      {n === 0 ? (
        <p className="builder-note">No op yet: start with Spawn.</p>
      ) : (
        <ol start={0} tabIndex={0} aria-label="Ops, numbered as in the file">
          {scenario.ops.map((op, i) => (
            <li key={i}>{describeOp(op)}</li>
          ))}
        </ol>
      )}
    </details>
  );
}
