// Fading ghosts of the objects the last move removed (see exiting.ts).
import { memo, useState } from 'react';
import { GEOMETRY } from '../layout/matrixLayout';
import { exitingObjects } from './exiting';
import type { Ghost } from './exiting';
import type { MatrixScene } from './matrixScene';

function GhostShape({ g, cell }: { g: Ghost; cell: number }) {
  switch (g.shape) {
    case 'avc':
      return <circle cx={g.x} cy={g.y} r={GEOMETRY.avcRadius} stroke={g.color} />;
    case 'anon_vma':
      return <circle cx={g.x} cy={g.y} r={GEOMETRY.anonVmaRadius} stroke={g.color} />;
    case 'page':
      return (
        <rect x={g.x + 1} y={g.y - 8} width={Math.max(1, cell - 2)} height={16} stroke={g.color} />
      );
  }
}

function GhostsImpl({ scene, cell }: { scene: MatrixScene; cell: number }) {
  // The previous scene, kept the way React recommends for "information from previous renders".
  const [prev, setPrev] = useState(scene);
  const [ghosts, setGhosts] = useState<Ghost[]>([]);
  const [round, setRound] = useState(0);
  if (prev !== scene) {
    setGhosts(exitingObjects(prev, scene));
    setPrev(scene);
    setRound((r) => r + 1);
  }
  return (
    <g className="layer-ghosts" aria-hidden="true">
      {ghosts.map((g) => (
        <g key={`${g.key}@${round}`} className="ghost">
          <GhostShape g={g} cell={cell} />
        </g>
      ))}
    </g>
  );
}

export const Ghosts = memo(GhostsImpl);
