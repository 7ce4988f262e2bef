import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { INDICATOR_CATALOGUE } from '@essaim/domain';
import { Repository } from 'typeorm';
import type { RequestContext } from '../common/auth/request-context';
import { badInput, conflict, notFound } from '../common/errors';
import { byKeys, loaderFor } from '../common/loaders';
import { IndicatorInput } from './dto/indicator.input';
import { Indicator } from './indicator.entity';
import { isUniqueViolation } from '../database/unique-violation';

/** The indicator catalogue: the seminar's indicators (inserted at start-up when missing) plus admins' additions. */
@Injectable()
export class IndicatorsService implements OnModuleInit {
  private readonly logger = new Logger(IndicatorsService.name);

  constructor(@InjectRepository(Indicator) private readonly indicators: Repository<Indicator>) {}

  async onModuleInit(): Promise<void> {
    const added = await this.ensureCatalogue();
    if (added > 0) this.logger.log(`Added ${added} built-in indicator(s)`);
  }

  /**
   * Inserts the built-in indicators that are missing, never touching existing rows (an admin may
   * have edited them). "Or ignore" keeps concurrent starts of several processes safe.
   */
  async ensureCatalogue(): Promise<number> {
    const existing = new Set((await this.indicators.find({ select: { code: true } })).map((i) => i.code));
    const missing = INDICATOR_CATALOGUE.filter((d) => !existing.has(d.code));
    if (missing.length === 0) return 0;
    await this.indicators
      .createQueryBuilder()
      .insert()
      .into(Indicator)
      .values(missing.map((d) => ({ ...d, builtIn: true })))
      .orIgnore()
      .execute();
    return missing.length;
  }

  /** In catalogue order (built-in first, then admins' additions by creation). */
  all(): Promise<Indicator[]> {
    return this.indicators.find({ order: { id: 'ASC' } });
  }

  async byCode(code: string): Promise<Indicator> {
    const indicator = await this.indicators.findOne({ where: { code } });
    if (!indicator) throw notFound('INDICATOR_NOT_FOUND', { code });
    return indicator;
  }

  load(ctx: Pick<RequestContext, 'loaders'>, id: number): Promise<Indicator | null> {
    return loaderFor<number, Indicator>(ctx, 'benchmark:indicator', async (ids) =>
      byKeys(ids, await this.indicators.findBy(ids.map((i) => ({ id: i }))), (i) => i.id),
    ).load(id);
  }

  async create(input: IndicatorInput): Promise<Indicator> {
    if (input.minValue != null && input.maxValue != null && input.minValue > input.maxValue) {
      throw badInput('INDICATOR_MIN_ABOVE_MAX', {}, { fields: [{ field: 'minValue' }] });
    }
    if (await this.indicators.existsBy({ code: input.code })) {
      throw conflict('INDICATOR_CODE_TAKEN', { code: input.code });
    }
    const row = this.indicators.create({
      code: input.code,
      name: input.name.trim(),
      unit: input.unit.trim(),
      inputUnit: (input.inputUnit ?? input.unit).trim(),
      description: input.description.trim(),
      higherIsBetter: input.higherIsBetter,
      theme: input.theme ?? null,
      source: input.source?.trim() || null,
      perInhabitants: input.perInhabitants ?? null,
      minValue: input.minValue ?? null,
      maxValue: input.maxValue ?? null,
      builtIn: false,
    });
    try {
      return await this.indicators.save(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('INDICATOR_CODE_TAKEN', { code: input.code });
      throw error;
    }
  }
}
