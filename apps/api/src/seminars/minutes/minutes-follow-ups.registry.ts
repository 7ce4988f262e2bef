import { Injectable } from '@nestjs/common';
import type { MinutesFollowUp } from './minutes-model';

type Source = (seminarId: number) => Promise<MinutesFollowUp[]>;

/**
 * Where the minutes find their "Suites données" section. The commitments feature registers
 * itself here (it depends on seminars, so seminars cannot import it); without it the section
 * is simply absent.
 */
@Injectable()
export class MinutesFollowUpsRegistry {
  private source: Source | null = null;

  register(source: Source): void {
    this.source = source;
  }

  followUps(seminarId: number): Promise<MinutesFollowUp[]> {
    return this.source ? this.source(seminarId) : Promise.resolve([]);
  }
}
