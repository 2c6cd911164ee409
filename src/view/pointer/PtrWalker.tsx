// Where a CPU's rmap walk is, in the pointer view: a frame in the CPU's colour around the entry
// of the walked list it visits (the AVC; before anon_vma_chain, the VMA itself), with an arrow
// and the CPU's name. One per CPU, keyed by it, so it moves from box to box as the walk goes.
import { memo } from 'react';
import { CpuGlyph, cpuName } from '../graph/cpu';
import { cpuColor, cpuInk } from '../theme/cpuPalette';

export interface PtrWalkerProps {
  cpu: number;
  vma: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

function PtrWalkerImpl({ cpu, vma, x, y, w, h }: PtrWalkerProps) {
  const color = cpuColor(cpu);
  return (
    <g
      className="walker"
      data-walker={cpuName(cpu)}
      data-vma={vma}
      style={{ transform: `translate(${x}px, ${y}px)` }}
      aria-hidden="true"
    >
      <rect
        className="walker-ring"
        x={-5}
        y={-5}
        width={w + 10}
        height={h + 10}
        rx={8}
        style={{ stroke: color }}
      />
      <g className="walker-tag">
        <rect x={w - 56} y={-16} width={54} height={18} rx={4} style={{ stroke: color }} />
        <CpuGlyph cpu={cpu} x={w - 47} y={-7} r={4.5} />
        <text x={w - 40} y={-7} dy="0.35em" style={{ fill: cpuInk(cpu) }}>
          {cpuName(cpu)}
        </text>
      </g>
    </g>
  );
}

export const PtrWalker = memo(PtrWalkerImpl);
