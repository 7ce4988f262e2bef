import { registerEnumType } from '@nestjs/graphql';
import { THEMES, Theme as DomainTheme } from '@essaim/domain';

/**
 * The contract's `Theme` GraphQL enum, registered once here. Other features (benchmark,
 * blockers, search) import it from this file instead of registering their own.
 */
export const Theme = Object.fromEntries(THEMES.map((t) => [t, t])) as { [K in DomainTheme]: K };
export type Theme = DomainTheme;

registerEnumType(Theme, { name: 'Theme', description: 'Themes of digital projects (French labels in @essaim/domain).' });
