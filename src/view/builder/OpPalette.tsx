// One button per palette action. Disabled ones stay focusable and say why (aria-disabled + title).
import type { ScenarioOp } from '../../kernel';
import type { PaletteAction } from './palette';

export interface OpPaletteProps {
  actions: PaletteAction[];
  /** set when the whole palette is unavailable (the trace awaits a CPU choice, ...) */
  blocked: string | null;
  onAppend: (op: ScenarioOp) => void;
}

export function OpPalette({ actions, blocked, onAppend }: OpPaletteProps) {
  return (
    <div className="op-palette" role="toolbar" aria-label="Operations">
      {actions.map((a) => {
        const why = blocked ?? a.disabled;
        return (
          <button
            key={a.id}
            type="button"
            data-testid={`op-${a.id}`}
            aria-disabled={why !== null}
            title={why === null ? a.hint : `${a.label}: ${why}`}
            onClick={() => {
              if (why === null && a.op) onAppend(a.op);
            }}
          >
            {a.label}
          </button>
        );
      })}
    </div>
  );
}
