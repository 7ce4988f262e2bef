/**
 * What a page's form actions returned, as a follow-up card reads it: a failure carries the
 * values typed (with `form` naming the form), a success says what was done for which card.
 */
export type CardForm = {
  error?: { message: string; fields?: string[] } | null;
  values?: Record<string, string> | null;
  done?: string;
  commitmentId?: string;
};

/** Narrows a page's `form` (ActionData: a union of every action's result) for the cards. */
export const cardForm = (form: unknown): CardForm | null => (form && typeof form === 'object' ? (form as CardForm) : null);
