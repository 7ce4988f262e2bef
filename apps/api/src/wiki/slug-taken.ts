import { AppError, PublicErrorCode } from '../common/errors';

/**
 * Two creations with the same title at the same moment both found the slug free; the unique
 * index let one win. The other gets this CONFLICT (with the slug) instead of a database error.
 */
export class SlugTaken extends AppError {
  constructor(what: 'page' | 'fiche', title: string, slug: string) {
    super(PublicErrorCode.CONFLICT, what === 'page' ? 'PAGE_JUST_CREATED' : 'SHEET_JUST_CREATED', { title }, { slug, field: 'title' });
  }
}
