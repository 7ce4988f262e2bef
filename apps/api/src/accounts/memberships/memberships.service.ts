import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { badInput, conflict, forbidden, notFound } from '../../common/errors';
import { canManageMembers, isStaff, PolicySubject } from '../../common/auth/policies';
import { DomainEvents } from '../../events/domain-events.service';
import { Territory } from '../../territories/territory.entity';
import { User } from '../user.entity';
import { TerritoryEmailDomain } from './email-domain.entity';
import { Membership } from './membership.entity';
import { MembershipCapacity, MembershipStatus, VerificationMethod } from './membership.enums';
import { MembershipDecided, MembershipRequested, MembershipRevoked } from './membership.events';

type Actor = PolicySubject & { id: number };

const named = (territory: Territory) => ({ code: territory.code, name: territory.name });

export const emailDomainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * Memberships of territories: requests (PENDING), the four ways to be verified (ProConnect, an
 * official e-mail domain, a manager's approval, an admin), refusal and revocation. Every request and decision
 * records its event, whose handler notifies the people concerned in the same transaction.
 */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  findById(id: string | number): Promise<Membership | null> {
    const n = Number(id);
    return Number.isSafeInteger(n) && n > 0 ? this.dataSource.getRepository(Membership).findOne({ where: { id: n } }) : Promise.resolve(null);
  }

  forUser(userId: number): Promise<Membership[]> {
    return this.dataSource.getRepository(Membership).find({ where: { userId }, order: { id: 'ASC' } });
  }

  /**
   * Asks to speak for a territory. A verified address on one of its official domains verifies at
   * once; otherwise the request waits for a manager. Asking again after a refusal re-opens it.
   */
  async request(userId: number, territoryCode: string, capacity = MembershipCapacity.AGENT, manager?: EntityManager): Promise<Membership> {
    const run = async (m: EntityManager) => {
      const territory = await m.getRepository(Territory).findOne({ where: { code: territoryCode } });
      if (!territory) throw badInput('UNKNOWN_TERRITORY_QUOTED', { code: territoryCode }, { field: 'territoryCode' });
      const repo = m.getRepository(Membership);
      const existing = await repo.findOne({ where: { userId, territoryCode } });
      if (existing?.status === MembershipStatus.VERIFIED) return existing;
      if (existing?.status === MembershipStatus.PENDING) return existing;
      if (existing?.status === MembershipStatus.REVOKED) {
        throw conflict('MEMBERSHIP_REVOKED', { territory: territory.name });
      }
      const user = await m.getRepository(User).findOneOrFail({ where: { id: userId } });
      const byDomain = user.emailVerifiedAt && (await this.domainTerritory(m, user.email)) === territoryCode;
      const membership = existing ?? repo.create({ userId, territoryCode, manager: false });
      Object.assign(membership, {
        capacity,
        status: byDomain ? MembershipStatus.VERIFIED : MembershipStatus.PENDING,
        method: byDomain ? VerificationMethod.EMAIL_DOMAIN : null,
        reason: null,
        decidedById: null,
        decidedAt: byDomain ? new Date() : null,
      });
      const saved = await repo.save(membership);
      if (!byDomain) await this.events.record(m, new MembershipRequested(saved.id, named(territory), { id: user.id, displayName: user.displayName }));
      return saved;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** Verifies a membership by one of the four ways (creating it if needed). Idempotent. */
  async grantVerified(
    userId: number,
    territoryCode: string,
    method: VerificationMethod | `${VerificationMethod}`,
    decidedById: number | null = null,
    manager?: EntityManager,
  ): Promise<Membership> {
    const run = async (m: EntityManager) => {
      const repo = m.getRepository(Membership);
      const existing = await repo.findOne({ where: { userId, territoryCode } });
      if (existing?.status === MembershipStatus.VERIFIED) return existing;
      const membership = existing ?? repo.create({ userId, territoryCode, manager: false, capacity: MembershipCapacity.AGENT });
      Object.assign(membership, { status: MembershipStatus.VERIFIED, method, reason: null, decidedById, decidedAt: new Date() });
      return repo.save(membership);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** A manager (or staff) approves or refuses a pending request; the requester is notified. */
  async decide(actor: Actor, id: string, approve: boolean, reason: string | null | undefined): Promise<Membership> {
    return this.dataSource.transaction(async (m) => {
      const membership = await this.mustFind(m, id);
      if (!canManageMembers(actor, membership.territoryCode)) {
        throw forbidden('MEMBERSHIP_DECIDERS_ONLY');
      }
      if (membership.status !== MembershipStatus.PENDING) {
        throw conflict('MEMBERSHIP_ALREADY_DECIDED', {}, { status: membership.status });
      }
      const cleanReason = reason?.trim() || null;
      if (!approve && !cleanReason) throw badInput('REFUSAL_REASON_REQUIRED', {}, { field: 'reason' });
      Object.assign(membership, {
        status: approve ? MembershipStatus.VERIFIED : MembershipStatus.REJECTED,
        method: approve ? VerificationMethod.APPROVAL : null,
        reason: approve ? null : cleanReason,
        decidedById: actor.id,
        decidedAt: new Date(),
      });
      const saved = await m.getRepository(Membership).save(membership);
      const territory = await m.getRepository(Territory).findOneOrFail({ where: { code: membership.territoryCode } });
      await this.events.record(m, new MembershipDecided(saved.id, membership.userId, named(territory), approve, cleanReason));
      return saved;
    });
  }

  /** Withdraws a verified membership (the person keeps what an outsider has). */
  async revoke(actor: Actor, id: string, reason: string): Promise<Membership> {
    return this.dataSource.transaction(async (m) => {
      const membership = await this.mustFind(m, id);
      if (!canManageMembers(actor, membership.territoryCode)) throw forbidden();
      if (membership.userId === actor.id && !isStaff(actor)) throw badInput('LEAVE_FROM_ACCOUNT');
      const cleanReason = reason.trim();
      if (!cleanReason) throw badInput('REVOCATION_REASON_REQUIRED', {}, { field: 'reason' });
      Object.assign(membership, { status: MembershipStatus.REVOKED, manager: false, reason: cleanReason, decidedById: actor.id, decidedAt: new Date() });
      const saved = await m.getRepository(Membership).save(membership);
      const territory = await m.getRepository(Territory).findOneOrFail({ where: { code: membership.territoryCode } });
      await this.events.record(m, new MembershipRevoked(saved.id, membership.userId, named(territory), cleanReason));
      return saved;
    });
  }

  /** The member leaves (or withdraws its request). */
  async leave(userId: number, id: string): Promise<boolean> {
    const membership = await this.findById(id);
    if (!membership || membership.userId !== userId) throw notFound('MEMBERSHIP_NOT_FOUND');
    await this.dataSource.getRepository(Membership).delete({ id: membership.id });
    return true;
  }

  /** Staff names (or removes) the verified members who handle a territory's requests. */
  async setManager(id: string, manager: boolean): Promise<Membership> {
    const membership = await this.findById(id);
    if (!membership) throw notFound('MEMBERSHIP_NOT_FOUND');
    if (manager && membership.status !== MembershipStatus.VERIFIED) {
      throw badInput('MANAGER_MUST_BE_VERIFIED');
    }
    membership.manager = manager;
    return this.dataSource.getRepository(Membership).save(membership);
  }

  /** Pending requests of a territory, oldest first: for its managers and staff. */
  async pending(actor: Actor, territoryCode: string): Promise<Membership[]> {
    if (!canManageMembers(actor, territoryCode)) {
      throw forbidden('MEMBERSHIP_REQUESTS_DECIDERS_ONLY');
    }
    return this.dataSource.getRepository(Membership).find({ where: { territoryCode, status: MembershipStatus.PENDING }, order: { id: 'ASC' } });
  }

  /** Verified members of a territory (to name managers or revoke): for its managers and staff. */
  async members(actor: Actor, territoryCode: string): Promise<Membership[]> {
    if (!canManageMembers(actor, territoryCode)) throw forbidden();
    return this.dataSource.getRepository(Membership).find({ where: { territoryCode, status: MembershipStatus.VERIFIED }, order: { id: 'ASC' } });
  }

  /** Pending requests the actor can decide: every territory for staff, managed ones otherwise. */
  async pendingCount(actor: Actor): Promise<number> {
    const repo = this.dataSource.getRepository(Membership);
    if (isStaff(actor)) return repo.count({ where: { status: MembershipStatus.PENDING } });
    const managed = actor.managedTerritoryCodes ?? [];
    return managed.length ? repo.count({ where: { status: MembershipStatus.PENDING, territoryCode: In([...managed]) } }) : 0;
  }

  /** Territories with pending requests the actor can decide (for the requests page). */
  async territoriesWithPending(actor: Actor): Promise<{ territoryCode: string; territoryName: string; count: number }[]> {
    const qb = this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoin(Territory, 't', 't.code = m.territoryCode')
      .select('m.territoryCode', 'territoryCode')
      .addSelect('t.name', 'territoryName')
      .addSelect('COUNT(*)', 'count')
      .where('m.status = :status', { status: MembershipStatus.PENDING })
      .groupBy('m.territoryCode')
      .addGroupBy('t.name')
      .orderBy('t.name');
    if (!isStaff(actor)) {
      const managed = actor.managedTerritoryCodes ?? [];
      if (!managed.length) return [];
      qb.andWhere('m.territoryCode IN (:...managed)', { managed });
    }
    const rows = await qb.getRawMany<{ territoryCode: string; territoryName: string; count: string | number }>();
    return rows.map((r) => ({ territoryCode: r.territoryCode, territoryName: r.territoryName, count: Number(r.count) }));
  }

  /**
   * Once an address is proven: the ADMIN_EMAILS bootstrap applies, and an address on a declared
   * official domain verifies the membership of that territory (unless it was revoked).
   */
  async onEmailVerified(user: Pick<User, 'id' | 'email'>, manager?: EntityManager): Promise<void> {
    const run = async (m: EntityManager) => {
      if (this.config.adminEmails.includes(user.email.toLowerCase())) {
        await m.getRepository(User).update({ id: user.id }, { role: 'ADMIN' });
      }
      const territoryCode = await this.domainTerritory(m, user.email);
      if (!territoryCode) return;
      const existing = await m.getRepository(Membership).findOne({ where: { userId: user.id, territoryCode } });
      if (existing && existing.status !== MembershipStatus.PENDING) return;
      await this.grantVerified(user.id, territoryCode, VerificationMethod.EMAIL_DOMAIN, null, m);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  // ---- official e-mail domains (staff) ----

  listDomains(territoryCode?: string | null): Promise<TerritoryEmailDomain[]> {
    return this.dataSource.getRepository(TerritoryEmailDomain).find({ where: territoryCode ? { territoryCode } : {}, order: { domain: 'ASC' } });
  }

  /** Declares a domain; accounts already verified on it become verified members at once. */
  async addDomain(actorId: number, territoryCode: string, domainInput: string): Promise<TerritoryEmailDomain> {
    const domain = normaliseDomain(domainInput);
    return this.dataSource.transaction(async (m) => {
      if (!(await m.getRepository(Territory).exists({ where: { code: territoryCode } }))) throw notFound('TERRITORY_NOT_FOUND');
      const repo = m.getRepository(TerritoryEmailDomain);
      const existing = await repo.findOne({ where: { domain } });
      if (existing) {
        if (existing.territoryCode === territoryCode) return existing;
        throw conflict('DOMAIN_TAKEN', { domain, territoryCode: existing.territoryCode }, { field: 'domain' });
      }
      const saved = await repo.save(repo.create({ domain, territoryCode, createdById: actorId }));
      const users = await m
        .getRepository(User)
        .createQueryBuilder('u')
        .select(['u.id', 'u.email'])
        .where('u.emailVerifiedAt IS NOT NULL')
        .andWhere('LOWER(u.email) LIKE :suffix', { suffix: `%@${domain}` })
        .getMany();
      for (const u of users) await this.onEmailVerified(u, m);
      return saved;
    });
  }

  async removeDomain(domainInput: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(TerritoryEmailDomain).delete({ domain: normaliseDomain(domainInput) });
    return (result.affected ?? 0) > 0;
  }

  private async domainTerritory(m: EntityManager, email: string): Promise<string | null> {
    const row = await m.getRepository(TerritoryEmailDomain).findOne({ where: { domain: emailDomainOf(email) } });
    return row?.territoryCode ?? null;
  }

  private async mustFind(m: EntityManager, id: string): Promise<Membership> {
    const n = Number(id);
    const membership = Number.isSafeInteger(n) && n > 0 ? await m.getRepository(Membership).findOne({ where: { id: n } }) : null;
    if (!membership) throw notFound('MEMBERSHIP_NOT_FOUND');
    return membership;
  }
}

const DOMAIN_PATTERN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function normaliseDomain(input: string): string {
  const domain = input.trim().toLowerCase().replace(/^@/, '');
  if (!DOMAIN_PATTERN.test(domain)) throw badInput('NOT_A_DOMAIN', { input }, { field: 'domain' });
  return domain;
}
