// Where a CPU's rmap walk is, in the pointer view: a frame in the CPU's colour around the entry
// of the walked list it visits (the AVC; before anon_vma_chain, the VMA itself), with an arrow
// and the CPU's name. One per CPU, keyed by it, so it moves from box to box as the walk goes.
import { memo } from 'react';
import { WalkerFrame, WalkerTag } from '../graph/Walker';
import { cpuColor } from '../theme/cpuPalette';

export interface PtrWalkerProps {
  cpu: number;
  vma: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function PtrWalkerImpl({ cpu, vma, x, y, w, h }: PtrWalkerProps) {
  return (
    <WalkerFrame cpu={cpu} vma={vma} x={x} y={y}>
      <rect
        className="walker-ring"
        x={-5}
        y={-5}
        width={w + 10}
        height={h + 10}
        rx={8}
        style={{ stroke: cpuColor(cpu) }}
      />
      <WalkerTag cpu={cpu} x={w - 56} y={-16} width={54} />
    </WalkerFrame>
  );
}

export const PtrWalker = memo(PtrWalkerImpl);
