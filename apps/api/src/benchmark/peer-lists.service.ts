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
    if (!user) throw unauthenticated('Connectez-vous pour utiliser une liste de pairs enregistrée.');
    const list = await this.lists.findOne({ where: { id } });
    if (!list) throw notFound('Liste de pairs');
    if (list.ownerId !== user.id) throw forbidden('Cette liste de pairs appartient à un autre compte.');
    return list;
  }

  /** Creates the list, or replaces the codes of the user's list with the same name. */
  async save(user: User, args: SavePeerListArgs): Promise<PeerList> {
    const codes = [...new Set(args.peerCodes)];
    const known = await this.territories.findBy({ code: In(codes) });
    const unknown = codes.filter((c) => !known.some((t) => t.code === c));
    if (unknown.length) throw badInput(`Territoire(s) inconnu(s) : ${unknown.join(', ')}.`, { fields: [{ field: 'peerCodes' }], unknownCodes: unknown });
    const name = args.name.trim();
    const existing = await this.lists.findOne({ where: { ownerId: user.id, name } });
    if (existing) {
      existing.peerCodes = codes;
      existing.updatedAt = new Date();
      return this.lists.save(existing);
    }
    if ((await this.lists.countBy({ ownerId: user.id })) >= MAX_LISTS_PER_USER) {
      throw badInput(`Vous avez déjà ${MAX_LISTS_PER_USER} listes de pairs : supprimez-en une d’abord.`);
    }
    try {
      return await this.lists.save(this.lists.create({ ownerId: user.id, name, peerCodes: codes, updatedAt: new Date() }));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`Une liste « ${name} » vient d’être enregistrée : rechargez la page avant de la remplacer.`);
      throw error;
    }
  }

  async delete(user: User, id: number): Promise<boolean> {
    const list = await this.findOwn(user, id);
    await this.lists.delete({ id: list.id });
    return true;
  }
}
