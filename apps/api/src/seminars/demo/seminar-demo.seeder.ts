import { randomBytes } from 'node:crypto';
import type { TextSegment } from '@essaim/domain';
import type { EntityManager } from 'typeorm';
import type { DemoAccounts } from '../../seed/demo-accounts';
import type { DemoSeeder } from '../../seed/seed.registry';
import type { DomainEvents } from '../../events/domain-events.service';
import { SeminarGroup } from '../entities/group.entity';
import { Participant } from '../entities/participant.entity';
import { Reformulation } from '../entities/reformulation.entity';
import { SeminarScore } from '../entities/score.entity';
import { SeminarFacilitator } from '../entities/seminar-facilitator.entity';
import { Seminar } from '../entities/seminar.entity';
import { Stake } from '../entities/stake.entity';
import { Workshop } from '../entities/workshop.entity';
import { ResultsVisibility, StakeStatus, VotingState } from '../models/enums';
import { hashParticipantToken } from '../../common/auth/participant-token';
import { DemoStakesSeeded } from '../seminar.events';
import { scoresWithMean } from './demo-votes';
import { DEMO_SEMINAR } from '../../seed/demo-seminar';
import { DEMO_WORKSHOPS } from './seminar-2018.data';

/** "a **b** c" → kept/added segments. */
export function parseEmphasis(marked: string): TextSegment[] {
  return marked
    .split('**')
    .map((text, i) => ({ text, added: i % 2 === 1 }))
    .filter((s) => s.text.length > 0);
}

const plain = (marked: string) => marked.replace(/\*\*/g, '');

/** The closed 4 July 2018 seminar, with individual votes that give the printed group means. */
export const seminarDemoSeeder = (events: DomainEvents): DemoSeeder => ({
  order: 30,
  name: 'seminars',
  async seed(manager: EntityManager, accounts: DemoAccounts): Promise<void> {
    const seminar = await manager.getRepository(Seminar).save({
      title: DEMO_SEMINAR.title,
      date: DEMO_SEMINAR.date,
      place: DEMO_SEMINAR.place,
      joinCode: DEMO_SEMINAR.joinCode,
      createdById: accounts.facilitator.id,
    });
    await manager.getRepository(SeminarFacilitator).insert({ seminarId: seminar.id, userId: accounts.facilitator.id });

    const groups = new Map<string, SeminarGroup>();
    const participants = new Map<string, Participant[]>();
    for (const [position, [name, count]] of Object.entries(DEMO_SEMINAR.participantsPerGroup).entries()) {
      const group = await manager.getRepository(SeminarGroup).save({ seminarId: seminar.id, name, position });
      groups.set(name, group);
      const rows = Array.from({ length: count }, (_, i) => ({
        seminarId: seminar.id,
        groupId: group.id,
        displayName: `${name}, participant·e ${i + 1}`,
        // Nobody holds these tokens: the demo participants cannot vote any more.
        tokenHash: hashParticipantToken(randomBytes(32).toString('base64url')),
        userId: null,
      }));
      participants.set(name, await manager.getRepository(Participant).save(rows));
    }

    const stakeIds: number[] = [];
    for (const [position, demo] of DEMO_WORKSHOPS.entries()) {
      const workshop = await manager.getRepository(Workshop).save({
        seminarId: seminar.id,
        title: demo.title,
        position,
        state: VotingState.CLOSED,
        resultsVisibility: ResultsVisibility.AFTER_CLOSE,
      });
      const scores: Partial<SeminarScore>[] = [];
      const reformulations: Partial<Reformulation>[] = [];
      const now = DEMO_SEMINAR.date;
      for (const [index, item] of demo.stakes.entries()) {
        const adopted = item.reformulation ? plain(item.reformulation) : null;
        const stake = await manager.getRepository(Stake).save({
          workshopId: workshop.id,
          number: index + 1,
          text: adopted ?? item.text,
          originalText: item.text,
          isAddition: false,
          status: StakeStatus.ACCEPTED,
          emphasis: item.reformulation ? parseEmphasis(item.reformulation) : null,
          proposedById: null,
        });
        stakeIds.push(stake.id);
        if (adopted) {
          const author = participants.get(demo.groups[0])![index % 3];
          reformulations.push({ stakeId: stake.id, participantId: author.id, text: adopted, supports: 0, adopted: true });
        }
        demo.groups.forEach((groupName, g) => {
          const voters = participants.get(groupName)!;
          scoresWithMean(item.scores[g], voters.length).forEach((value, v) =>
            scores.push({ stakeId: stake.id, participantId: voters[v].id, groupId: groups.get(groupName)!.id, value, updatedAt: now }),
          );
        });
      }
      for (const [index, text] of demo.additions.entries()) {
        const stake = await manager.getRepository(Stake).save({
          workshopId: workshop.id,
          number: demo.stakes.length + index + 1,
          text,
          originalText: text,
          isAddition: true,
          status: StakeStatus.ACCEPTED,
          emphasis: null,
          proposedById: participants.get(demo.groups[0])![index].id,
        });
        stakeIds.push(stake.id);
      }
      await manager.getRepository(SeminarScore).insert(scores);
      if (reformulations.length) await manager.getRepository(Reformulation).insert(reformulations);
    }
    await events.record(manager, new DemoStakesSeeded(stakeIds));
  },
});
