/** True when a failed action named this field (use for aria-invalid / aria-describedby). */
export function isInvalid(error: { fields?: string[] } | null | undefined, field: string): boolean {
  return !!error?.fields?.includes(field);
}
