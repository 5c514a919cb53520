import type { ReactNode } from 'react';

/** A screen or section with nothing to show yet, saying what it is for and what to do. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}
