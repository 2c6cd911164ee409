import { describe, expect, it } from 'vitest';
import { ERAS } from '../kernel/flags';
import { applied, SERIES_2010, SERIES_OFF, SERIES_ON } from './series';

describe('the 2010 series', () => {
  it('is all applied in 2.6.36 except 4/5 v1, and none of it in 2.6.34', () => {
    const on = SERIES_2010.filter((p) => applied(p, ERAS['2.6.36'])).map((p) => p.tag);
    expect(on).toEqual(['1/5', '2/5', '3/5', '4/5 v2', '5/5', '6/5', 'tail insert', 'rc3 fix']);
    const off = SERIES_2010.filter(
      (p) => Object.keys(p.on).length > 0 && applied(p, ERAS['2.6.34']),
    );
    expect(off).toEqual([]);
  });
  it('switching the whole series on and off gives 2.6.36 and 2.6.34', () => {
    expect({ ...ERAS['2.6.34'], ...SERIES_ON, refcount: 'external' }).toEqual(ERAS['2.6.36']);
    expect({ ...ERAS['2.6.36'], ...SERIES_OFF, refcount: 'ksm' }).toEqual(ERAS['2.6.34']);
  });
});
