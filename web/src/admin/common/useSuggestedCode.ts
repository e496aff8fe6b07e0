import { useState } from 'react';

/**
 * A code input that follows the label (through `suggest`) until the person types a code of their
 * own; `reset` goes back to following.
 */
export function useSuggestedCode(label: string, suggest: (label: string) => string): { code: string; setCode: (code: string) => void; reset: () => void } {
  const [manual, setManual] = useState<string | null>(null);
  return {
    code: manual ?? (label.trim() ? suggest(label) : ''),
    setCode: setManual,
    reset: () => setManual(null),
  };
}
