import { useEffect, useState } from 'react';
import type { ValueCheck } from '../../../shared/channels/fix.ts';
import { api } from '../api/client.ts';

/** Wait this long after the last keystroke before asking: typing a phone number should not send twelve requests. */
const DEBOUNCE_MS = 250;

/**
 * What the service says of a value while it is being typed (valid or not,
 * the problem, the canonical form), for one field of one customer. Answers
 * to earlier keystrokes that arrive late are dropped.
 */
export function useValueCheck(customerId: number, field: string, text: string): { check: ValueCheck | null; checking: boolean } {
  const [check, setCheck] = useState<ValueCheck | null>(null);
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    let live = true;
    setChecking(true);
    const timer = setTimeout(() => {
      api.invoke('customers:check-value', { id: customerId, field, value: text.slice(0, 2000) }).then(
        (c) => live && (setCheck(c), setChecking(false)),
        () => live && (setCheck(null), setChecking(false)),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [customerId, field, text]);
  return { check, checking };
}
