import { describe, expect, it } from 'vitest';
import { matrixLayout } from '../layout/matrixLayout';
import { collectUniverse } from '../layout/universe';
import { exitingObjects } from './exiting';
import { matrixScene } from './matrixScene';
import { forkedForest } from './testForest';
import type { ViewState } from '../../kernel';

const exited: ViewState = {
  ...forkedForest,
  processes: forkedForest.processes.filter((p) => p.pid !== 'C'),
  anonVmas: forkedForest.anonVmas.filter((a) => a.id !== 'av1'),
  pages: forkedForest.pages.filter((p) => p.pid !== 'C'),
};
const layout = matrixLayout(
  collectUniverse([
    { cursor: 0, state: forkedForest },
    { cursor: 1, state: exited },
  ]),
);
const scene = (view: ViewState) =>
  matrixScene({ view, layout, changed: new Set(), violated: new Set(), rootLock: true });

describe('exitingObjects', () => {
  it('lists what left, where it was', () => {
    const ghosts = exitingObjects(scene(forkedForest), scene(exited));
    expect(ghosts.map((g) => g.key)).toEqual([
      'avc:C:0/av1',
      'avc:C:0/av0',
      'av:av1',
      'pte:C:0',
      'pte:C:1',
      'pte:C:2',
    ]);
    expect(ghosts[0]).toMatchObject({ x: layout.columnX['av1'], y: layout.vmaY['C:0'] });
  });

  it('is empty when nothing left', () => {
    expect(exitingObjects(scene(exited), scene(forkedForest))).toEqual([]);
  });
});
