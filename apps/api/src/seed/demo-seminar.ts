/**
 * The demo seminar of 4 July 2018 in Évry: seeded by the seminars (with its workshops, from the
 * minutes), followed up by the commitments' demo, which finds it by its title.
 */
export const DEMO_SEMINAR = {
  title: "Construisons ensemble la stratégie numérique de l'Essonne",
  date: new Date('2018-07-04T07:00:00.000Z'),
  place: 'Hôtel du Département, Évry',
  joinCode: 'ESSONNE2018',
  /** Participants per group who scored (their individual scores average to the printed means). */
  participantsPerGroup: { 'Groupe 1': 10, 'Groupe 2': 10, 'Groupe 3': 8 } as Record<string, number>,
};
