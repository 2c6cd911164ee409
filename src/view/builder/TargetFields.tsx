// The process, address and page count the palette acts on; filled in from the selection.
import type { Target } from './target';

export interface TargetFieldsProps {
  pids: string[];
  target: Target;
  onChange: (t: Target) => void;
}

function whole(raw: string, min: number): number {
  const n = Math.trunc(Number(raw));
  return Number.isFinite(n) ? Math.max(min, n) : min;
}

/** A whole-number input, never below `min`. */
function WholeField(p: {
  label: string;
  testId: string;
  min: number;
  value: number;
  onChange: (n: number) => void;
}) {
  return (
    <label>
      <span>{p.label}</span>
      <input
        type="number"
        data-testid={p.testId}
        min={p.min}
        step={1}
        value={p.value}
        onChange={(e) => p.onChange(whole(e.target.value, p.min))}
      />
    </label>
  );
}

export function TargetFields({ pids, target, onChange }: TargetFieldsProps) {
  return (
    <div className="builder-target" role="group" aria-label="Acts on">
      <label>
        <span>Process</span>
        <select
          data-testid="builder-pid"
          value={target.pid}
          disabled={pids.length === 0}
          onChange={(e) => onChange({ ...target, pid: e.target.value })}
        >
          {pids.length === 0 && <option value="">none yet</option>}
          {pids.map((pid) => (
            <option key={pid} value={pid}>
              {pid}
            </option>
          ))}
        </select>
      </label>
      <WholeField
        label="Address"
        testId="builder-addr"
        min={0}
        value={target.addr}
        onChange={(addr) => onChange({ ...target, addr })}
      />
      <WholeField
        label="Pages"
        testId="builder-pages"
        min={1}
        value={target.pages}
        onChange={(pages) => onChange({ ...target, pages })}
      />
    </div>
  );
}
