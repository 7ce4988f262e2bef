import { SeminarGroup } from './group.entity';
import { Participant } from './participant.entity';
import { ReformulationSupport } from './reformulation-support.entity';
import { Reformulation } from './reformulation.entity';
import { SeminarScore } from './score.entity';
import { SeminarFacilitator } from './seminar-facilitator.entity';
import { Seminar } from './seminar.entity';
import { Stake } from './stake.entity';
import { Workshop } from './workshop.entity';

export { Seminar, SeminarFacilitator, SeminarGroup, Workshop, Stake, Participant, SeminarScore, Reformulation, ReformulationSupport };

/** Every seminar entity, for database/entities.ts and the feature module. */
export const SEMINAR_ENTITIES = [Seminar, SeminarFacilitator, SeminarGroup, Workshop, Stake, Participant, SeminarScore, Reformulation, ReformulationSupport];
