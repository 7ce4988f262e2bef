import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { badInput, conflict, forbidden, notFound, unauthenticated } from '../common/errors';
import { Territory } from '../territories/territory.entity';
import { SavePeerListArgs } from './dto/peer-list.args';
import { PeerList } from './peer-list.entity';
import { isUniqueViolation } from '../database/unique-violation';

const MAX_LISTS_PER_USER = 50;

/** Named custom peer lists, private to their owner. */
@Injectable()
export class PeerListsService {
  constructor(
    @InjectRepository(PeerList) private readonly lists: Repository<PeerList>,
    @InjectRepository(Territory) private readonly territories: Repository<Territory>,
  ) {}

  mine(user: User): Promise<PeerList[]> {
    return this.lists.find({ where: { ownerId: user.id }, order: { name: 'ASC' }, take: MAX_LISTS_PER_USER });
  }

  async findOwn(user: User | null, id: number): Promise<PeerList> {
    if (!user) throw unauthenticated('PEER_LIST_SIGN_IN');
    const list = await this.lists.findOne({ where: { id } });
    if (!list) throw notFound('PEER_LIST_NOT_FOUND');
    if (list.ownerId !== user.id) throw forbidden('PEER_LIST_OF_OTHER_ACCOUNT');
    return list;
  }

  /** Creates the list, or replaces the codes of the user's list with the same name. */
  async save(user: User, args: SavePeerListArgs): Promise<PeerList> {
    const codes = [...new Set(args.peerCodes)];
    const known = await this.territories.findBy({ code: In(codes) });
    const unknown = codes.filter((c) => !known.some((t) => t.code === c));
    if (unknown.length) throw badInput('UNKNOWN_TERRITORIES', { codes: unknown.join(', ') }, { fields: [{ field: 'peerCodes' }], unknownCodes: unknown });
    const name = args.name.trim();
    const existing = await this.lists.findOne({ where: { ownerId: user.id, name } });
    if (existing) {
      existing.peerCodes = codes;
      existing.updatedAt = new Date();
      return this.lists.save(existing);
    }
    if ((await this.lists.countBy({ ownerId: user.id })) >= MAX_LISTS_PER_USER) {
      throw badInput('TOO_MANY_PEER_LISTS', { max: MAX_LISTS_PER_USER });
    }
    try {
      return await this.lists.save(this.lists.create({ ownerId: user.id, name, peerCodes: codes, updatedAt: new Date() }));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('PEER_LIST_SAVED_MEANWHILE', { name });
      throw error;
    }
  }

  async delete(user: User, id: number): Promise<boolean> {
    const list = await this.findOwn(user, id);
    await this.lists.delete({ id: list.id });
    return true;
  }
}
