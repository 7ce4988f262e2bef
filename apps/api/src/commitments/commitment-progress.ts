import type { ProjectStage } from '@essaim/domain';

/** How far a sheet's stage carries a commitment. Abandoned sheets do not count. */
export const STAGE_PROGRESS: Record<ProjectStage, number | null> = {
  IDEA: 10,
  STUDY: 30,
  IN_PROGRESS: 60,
  DEPLOYED: 100,
  ABANDONED: null,
};

/** Mean of the linked sheets' stage progress (0 without a counting sheet), rounded. */
export function progressFromStages(stages: readonly ProjectStage[]): number {
  const values = stages.map((s) => STAGE_PROGRESS[s]).filter((v): v is number => v !== null);
  if (values.length === 0) return 0;
  return Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

/** Late: not done or abandoned, and past its target date. */
export function isLate(commitment: { status: string; targetDate: Date | null }, now = new Date()): boolean {
  return !!commitment.targetDate && commitment.targetDate.getTime() < now.getTime() && commitment.status !== 'DONE' && commitment.status !== 'ABANDONED';
}
