/**
 * A save refused because someone saved meanwhile (CONFLICT): the revision now current and its
 * content, to show beside what the editor typed. Null for any other outcome.
 */
export function editConflict<C>(
  form: { error?: { code: string; extensions: Record<string, unknown> } } | null | undefined,
): { revision: number; current: C } | null {
  const error = form?.error;
  return error?.code === 'CONFLICT' && error.extensions.current
    ? { revision: Number(error.extensions.currentRevision), current: error.extensions.current as C }
    : null;
}
