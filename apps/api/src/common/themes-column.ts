import type { ValueTransformer } from 'typeorm';
import { isTheme, THEMES, type Theme } from '@essaim/domain';

/** Themes as ",EDUCATION,DATA_OPEN_DATA," (sorted like the enum, so snapshots compare cleanly). */
export const themesColumn: ValueTransformer = {
  to: (themes: Theme[] | undefined) => (themes === undefined ? undefined : `,${sortThemes(themes).join(',')},`),
  from: (stored: string | null) => (stored ?? '').split(',').filter(isTheme),
};

export function sortThemes(themes: readonly string[]): Theme[] {
  const set = new Set(themes);
  return THEMES.filter((t) => set.has(t));
}

/** The LIKE pattern matching one theme in the stored column. */
export const themePattern = (theme: Theme) => `%,${theme},%`;
