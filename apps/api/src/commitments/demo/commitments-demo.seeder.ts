import { computeStakeResult, formatScore } from '@essaim/domain';
import { EntityManager, In } from 'typeorm';
import type { DemoAccounts } from '../../seed/demo-accounts';
import { DEMO_SEMINAR } from '../../seed/demo-seminar';
import type { DemoSeeder } from '../../seed/seed.registry';
import { SeminarGroup } from '../../seminars/entities/group.entity';
import { SeminarScore } from '../../seminars/entities/score.entity';
import { Stake } from '../../seminars/entities/stake.entity';
import { Workshop } from '../../seminars/entities/workshop.entity';
import { Seminar } from '../../seminars/entities/seminar.entity';
import { Project } from '../../wiki/project.entity';
import { CommitmentProject } from '../commitment-link.entity';
import { Commitment } from '../commitment.entity';
import { CommitmentStatus, ProgressMode } from '../commitment.enums';
import { CommitmentMilestone } from '../milestone.entity';

interface DemoCommitment {
  stakeStartsWith: string;
  status: CommitmentStatus;
  lead: string;
  contact: string;
  target: string;
  sheets: string[];
  milestones: { title: string; due: string; done: boolean }[];
}

/** The 2018 seminar's best-scored stakes, followed up: some done, some late, some blocked. */
const DEMO: DemoCommitment[] = [
  {
    stakeStartsWith: 'Renforcer le développement du numérique éducatif',
    status: CommitmentStatus.IN_PROGRESS,
    lead: '91',
    contact: 'Direction de l’éducation et des collèges, Département de l’Essonne',
    target: '2027-06-30',
    sheets: ['Tablettes dans les écoles et formation des enseignants', 'Raccordement de toutes les écoles à la fibre'],
    milestones: [
      { title: 'Jumelages collèges-écoles signés dans 3 EPCI', due: '2019-06-30', done: true },
      { title: 'Toutes les écoles raccordées à la fibre', due: '2026-12-31', done: false },
    ],
  },
  {
    stakeStartsWith: 'Identifier les réseaux de la médiation numérique',
    status: CommitmentStatus.DONE,
    lead: '91',
    contact: 'Mission inclusion numérique, Département de l’Essonne',
    target: '2019-12-31',
    sheets: ['Médiation numérique pour la déclaration de revenus en ligne (permanences et bus)', 'Médiation numérique pour la déclaration de revenus en ligne'],
    milestones: [{ title: 'Carte des lieux de médiation publiée', due: '2019-09-30', done: true }],
  },
  {
    stakeStartsWith: 'Mettre le numérique au service du suivi des ressources naturelles',
    status: CommitmentStatus.IN_PROGRESS,
    lead: '91',
    contact: 'Direction de l’environnement, Département de l’Essonne',
    target: '2025-12-31',
    sheets: ['Capteurs connectés pour suivre la ressource en eau', "Système d'alerte des habitants (crues de l'Orge et de l'Yvette)"],
    milestones: [{ title: 'Premiers capteurs posés sur l’Orge', due: '2024-06-30', done: true }],
  },
  {
    stakeStartsWith: 'Faciliter les déplacements des Essonniens',
    status: CommitmentStatus.IN_PROGRESS,
    lead: '91',
    contact: 'Direction des mobilités, Département de l’Essonne',
    target: '2027-12-31',
    sheets: ['Télécentre et espace de coworking en gare'],
    milestones: [],
  },
  {
    stakeStartsWith: 'Mettre la donnée au service de la performance de gestion',
    status: CommitmentStatus.TO_START,
    lead: '91',
    contact: 'Direction du numérique, Département de l’Essonne',
    target: '2024-06-30',
    sheets: ['Open data des « Balades en Essonne »'],
    milestones: [],
  },
];

export const commitmentsDemoSeeder: DemoSeeder = {
  order: 60,
  name: 'commitments',
  async seed(manager: EntityManager, accounts: DemoAccounts): Promise<void> {
    const seminar = await manager.getRepository(Seminar).findOneBy({ title: DEMO_SEMINAR.title });
    if (!seminar) return;
    const workshops = await manager.getRepository(Workshop).findBy({ seminarId: seminar.id });
    const stakes = await manager.getRepository(Stake).findBy({ workshopId: In(workshops.map((w) => w.id)) });
    const groups = await manager.getRepository(SeminarGroup).find({ where: { seminarId: seminar.id }, order: { position: 'ASC' } });
    const names = new Map(groups.map((g) => [String(g.id), g.name]));
    for (const demo of DEMO) {
      const stake = stakes.find((s) => s.originalText.startsWith(demo.stakeStartsWith) || s.text.startsWith(demo.stakeStartsWith));
      if (!stake) continue;
      const scores = await manager.getRepository(SeminarScore).findBy({ stakeId: stake.id });
      const result = computeStakeResult(
        scores.map((s) => ({ groupId: String(s.groupId), value: s.value, count: 1 })),
        groups.map((g) => String(g.id)),
      );
      const commitment = await manager.getRepository(Commitment).save({
        seminarId: seminar.id,
        stakeId: stake.id,
        title: stake.text,
        status: demo.status,
        statusReason: null,
        leadTerritoryCode: demo.lead,
        contact: demo.contact,
        targetDate: new Date(`${demo.target}T00:00:00.000Z`),
        progressMode: ProgressMode.FROM_PROJECTS,
        manualProgress: 0,
        backing: JSON.stringify({
          mean: result.mean,
          count: result.count,
          formatted: formatScore(result.mean),
          divergent: result.divergent,
          byGroup: result.byGroup
            .filter((g) => g.count > 0)
            .map((g) => ({ group: names.get(g.groupId) ?? '?', mean: g.mean, count: g.count, formatted: g.formatted })),
        }),
        createdById: accounts.facilitator.id,
        updatedAt: new Date(),
      });
      const projects = await manager.getRepository(Project).findBy({ title: In(demo.sheets) });
      for (const project of projects)
        await manager.getRepository(CommitmentProject).insert({ commitmentId: commitment.id, projectId: project.id, linkedById: accounts.facilitator.id });
      for (const m of demo.milestones) {
        await manager.getRepository(CommitmentMilestone).insert({
          commitmentId: commitment.id,
          title: m.title,
          dueDate: new Date(`${m.due}T00:00:00.000Z`),
          doneAt: m.done ? new Date(`${m.due}T00:00:00.000Z`) : null,
        });
      }
    }
  },
};
