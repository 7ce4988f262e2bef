import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { FORUM_CATEGORIES } from '@essaim/domain';
import { DataSource } from 'typeorm';
import { ForumCategory } from './entities';

/**
 * Categories are structure, not demo data: missing ones are created at every start
 * (insert-or-ignore on the unique slug, so several processes starting together agree).
 */
@Injectable()
export class ForumCategoriesBootstrap implements OnApplicationBootstrap {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ForumCategory)
      .values(FORUM_CATEGORIES.map((c) => ({ slug: c.slug, name: c.nameFr, theme: c.theme, position: c.position })))
      .orIgnore()
      // Ignored rows return no id on restart; there is nothing to read back anyway.
      .updateEntity(false)
      .execute();
  }
}
