import type { ReactNode } from 'react';

/** The guardrails a publish breaks, each in the server's sentence, under a line saying what follows. */
export function GuardrailBreaches({
  breaches,
  children,
}: {
  breaches: readonly string[];
  children: ReactNode;
}) {
  if (breaches.length === 0) return null;
  return (
    <div className="notice notice--warning publish-breaches">
      <p className="publish-breaches__lead">{children}</p>
      <ul>
        {breaches.map((breach) => (
          <li key={breach}>{breach}</li>
        ))}
      </ul>
    </div>
  );
}
