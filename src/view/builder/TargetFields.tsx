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
      <label>
        <span>Address</span>
        <input
          type="number"
          data-testid="builder-addr"
          min={0}
          step={1}
          value={target.addr}
          onChange={(e) => onChange({ ...target, addr: whole(e.target.value, 0) })}
        />
      </label>
      <label>
        <span>Pages</span>
        <input
          type="number"
          data-testid="builder-pages"
          min={1}
          step={1}
          value={target.pages}
          onChange={(e) => onChange({ ...target, pages: whole(e.target.value, 1) })}
        />
      </label>
    </div>
  );
}
