import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, MoreThan, Repository } from 'typeorm';
import type { SearchDocument, SearchSource } from '../../search/search-document';
import { Stake } from '../entities/stake.entity';
import { StakeStatus } from '../models/enums';

/** Accepted stakes are searchable; their page is the seminar's. */
@Injectable()
export class StakeSearchSource implements SearchSource {
  readonly type = 'STAKE' as const;

  constructor(@InjectRepository(Stake) private readonly stakes: Repository<Stake>) {}

  async load(ids: string[]): Promise<(SearchDocument | null)[]> {
    const numeric = ids.map(Number).filter((id) => Number.isInteger(id) && id > 0);
    const rows = numeric.length ? await this.stakes.find({ where: { id: In(numeric) }, relations: { workshop: { seminar: true } } }) : [];
    const byId = new Map(rows.map((s) => [String(s.id), s]));
    return ids.map((id) => {
      const stake = byId.get(id);
      return stake && stake.status === StakeStatus.ACCEPTED ? toDocument(stake) : null;
    });
  }

  async *all(batchSize: number): AsyncIterable<SearchDocument[]> {
    let after = 0;
    for (;;) {
      const rows = await this.stakes.find({
        where: { id: MoreThan(after), status: StakeStatus.ACCEPTED },
        relations: { workshop: { seminar: true } },
        order: { id: 'ASC' },
        take: batchSize,
      });
      if (rows.length === 0) return;
      yield rows.map(toDocument).filter((d): d is SearchDocument => d !== null);
      after = rows[rows.length - 1].id;
    }
  }
}

function toDocument(stake: Stake): SearchDocument | null {
  const workshop = stake.workshop;
  const seminar = workshop?.seminar;
  if (!workshop || !seminar) return null;
  const original = stake.originalText !== stake.text ? ` (énoncé initial : ${stake.originalText})` : '';
  return {
    type: 'STAKE',
    id: String(stake.id),
    title: stake.text,
    body: `${workshop.title} — ${seminar.title}${original}`,
    url: `/seminaires/${seminar.id}`,
    territoryCode: null,
    territoryName: null,
    updatedAt: stake.createdAt,
  };
}
