// Attributes shared by the pointer view's boxes (Contract 4 extras: data-changed, data-violation).

export const flags = (changed: boolean, violated: boolean) => ({
  'data-changed': changed ? ('true' as const) : undefined,
  'data-violation': violated ? ('true' as const) : undefined,
});

export const classes = (...c: (string | false | undefined)[]) => c.filter(Boolean).join(' ');

export interface BoxProps {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  changed: boolean;
  violated: boolean;
}
