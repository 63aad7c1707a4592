import type { ReactNode } from 'react';
import { classNames } from '../../lib/class-names';

export type BadgeTone = 'neutral' | 'accent' | 'success' | 'warning';

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={classNames('badge', `badge--${tone}`)}>{children}</span>;
}
