import type { CSSProperties, ReactNode } from 'react';

/**
 * A box that scrolls (a wide or long table): focusable and named, so a keyboard user can scroll it
 * with the arrow keys and a screen reader announces what it holds (axe scrollable-region-focusable).
 */
export function ScrollRegion({ label, children, style }: { label: string; children: ReactNode; style?: CSSProperties }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0} style={style}>
      {children}
    </div>
  );
}
